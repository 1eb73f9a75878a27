package io.rapport.connector.salesforce;

import io.rapport.sim.salesforce.SalesforceSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.impl.DefaultCamelContext;

/** A sandbox and a Camel context whose {@code salesforce} component logs in to it, for the connector's tests. */
final class SandboxCamel implements AutoCloseable {

    final SalesforceSandbox sandbox;
    final CamelContext camel;

    private SandboxCamel(SalesforceSandbox sandbox, CamelContext camel) {
        this.sandbox = sandbox;
        this.camel = camel;
    }

    static SandboxCamel start() throws Exception {
        SalesforceSandbox.Config config = SalesforceSandbox.Config.defaults();
        SalesforceSandbox sandbox = SalesforceSandbox.start(config, 0);
        SalesforceComponent salesforce = new SalesforceComponent();
        salesforce.setLoginUrl(sandbox.baseUrl());
        salesforce.setClientId(config.clientId());
        salesforce.setClientSecret(config.clientSecret());
        salesforce.setUserName(config.username());
        salesforce.setPassword(config.password());
        salesforce.setLazyLogin(true);
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("salesforce", salesforce);
        camel.start();
        return new SandboxCamel(sandbox, camel);
    }

    ProducerTemplate producer() {
        return camel.createProducerTemplate();
    }

    @Override
    public void close() {
        camel.stop();
        sandbox.close();
    }
}
