package io.rapport.app.social.sources;

import io.rapport.sim.social.SocialSandbox;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Keeps the embedded X talking: on each tick, adds the tick's share of the configured posts per minute from the
 * sandbox's scenario generator (praise, complaints, purchase intent, questions, spam, duplicates), so the embedded run
 * has a live brand conversation to listen to.
 */
public class SandboxConversation implements Processor {

    public static final String BEAN_NAME = "sandboxConversation";

    private final SocialSandbox sandbox;
    private final double postsPerTick;
    private double owed;

    public SandboxConversation(SocialSandbox sandbox, int postsPerMinute, Duration tick) {
        this.sandbox = sandbox;
        this.postsPerTick = postsPerMinute * tick.toMillis() / 60_000.0;
    }

    @Override
    public synchronized void process(Exchange exchange) {
        owed += postsPerTick;
        int due = (int) owed;
        if (due > 0) {
            owed -= due;
            sandbox.generate(due);
        }
    }
}
