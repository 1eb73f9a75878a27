package io.rapport.app.camel.jmsbatch;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** A queue consumed in batches; see {@link JmsBatchComponent}. Consume-only. */
public class JmsBatchEndpoint extends DefaultEndpoint {

    private final String queue;
    private int batchSize = 500;
    private long batchTimeoutMs = 50;
    private int concurrentConsumers = 1;
    private int maximumRedeliveries = 3;
    private long redeliveryDelayMs = 200;

    public JmsBatchEndpoint(String uri, JmsBatchComponent component, String queue) {
        super(uri, component);
        this.queue = queue;
    }

    @Override
    public JmsBatchComponent getComponent() {
        return (JmsBatchComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("jms-batch only consumes; send with the jms component");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        JmsBatchConsumer consumer = new JmsBatchConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public String getQueue() {
        return queue;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Most messages in one batch (one exchange, one JMS transaction). */
    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.batchSize = batchSize;
    }

    public long getBatchTimeoutMs() {
        return batchTimeoutMs;
    }

    /** How long a batch waits for more messages after its first one before it is handed on incomplete. */
    public void setBatchTimeoutMs(long batchTimeoutMs) {
        this.batchTimeoutMs = batchTimeoutMs;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        if (concurrentConsumers < 1) {
            throw new IllegalArgumentException("concurrentConsumers must be at least 1");
        }
        this.concurrentConsumers = concurrentConsumers;
    }

    public int getMaximumRedeliveries() {
        return maximumRedeliveries;
    }

    /** Retries of one message, once its batch has failed, before it is dead-lettered. */
    public void setMaximumRedeliveries(int maximumRedeliveries) {
        this.maximumRedeliveries = maximumRedeliveries;
    }

    public long getRedeliveryDelayMs() {
        return redeliveryDelayMs;
    }

    /** First retry delay; doubles on every retry. */
    public void setRedeliveryDelayMs(long redeliveryDelayMs) {
        this.redeliveryDelayMs = redeliveryDelayMs;
    }
}
