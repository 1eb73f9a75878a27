package io.rapport.app.sync;

import io.rapport.sim.salesforce.SalesforceSandbox;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.support.jsse.KeyStoreParameters;

/**
 * Makes the Camel Salesforce component from the hub's settings: logged in to the embedded sandbox, or to the org
 * configured with the OAuth flow chosen (username-password, client credentials or JWT bearer). Components log in on
 * their first call, so the hub starts whether or not Salesforce is reachable.
 */
public final class SalesforceComponents {

    private SalesforceComponents() {
    }

    /** @param sandbox the embedded sandbox, or null for the org in {@code settings} */
    public static SalesforceComponent create(SyncProperties.Salesforce settings, SalesforceSandbox sandbox) {
        SalesforceComponent component = sandbox != null ? forSandbox(sandbox) : forOrg(settings);
        component.setHttpRequestTimeout(settings.requestTimeout().toMillis());
        component.setLazyLogin(true);
        return component;
    }

    /** A component logged in to a sandbox started with the default configuration, on its first call. */
    public static SalesforceComponent forSandbox(SalesforceSandbox sandbox) {
        SalesforceSandbox.Config config = SalesforceSandbox.Config.defaults();
        SalesforceComponent component = new SalesforceComponent();
        component.setLoginUrl(sandbox.baseUrl());
        component.setClientId(config.clientId());
        component.setClientSecret(config.clientSecret());
        component.setUserName(config.username());
        component.setPassword(config.password());
        component.setAuthenticationType(AuthenticationType.USERNAME_PASSWORD);
        component.setLazyLogin(true);
        return component;
    }

    private static SalesforceComponent forOrg(SyncProperties.Salesforce settings) {
        SalesforceComponent component = new SalesforceComponent();
        component.setLoginUrl(settings.loginUrl());
        component.setClientId(settings.clientId());
        component.setUserName(settings.username());
        component.setAuthenticationType(AuthenticationType.valueOf(settings.authentication().name()));
        switch (settings.authentication()) {
            case USERNAME_PASSWORD -> {
                component.setClientSecret(settings.clientSecret());
                component.setPassword(settings.password());
            }
            case CLIENT_CREDENTIALS -> component.setClientSecret(settings.clientSecret());
            case JWT -> {
                if (settings.jwtKeystore().isBlank()) {
                    throw new IllegalArgumentException("rapport.sync.salesforce.authentication=JWT needs"
                            + " rapport.sync.salesforce.jwt-keystore: the PKCS12 keystore with the connected app's"
                            + " private key");
                }
                KeyStoreParameters keystore = new KeyStoreParameters();
                keystore.setResource("file:" + settings.jwtKeystore());
                keystore.setType("PKCS12");
                keystore.setPassword(settings.jwtKeystorePassword());
                component.setKeystore(keystore);
            }
        }
        return component;
    }
}
