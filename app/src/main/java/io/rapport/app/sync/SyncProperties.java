package io.rapport.app.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rapport.sync.*}: whether the hub keeps the stores of config/sync-policy.yaml consistent,
 * how often and how much it syncs per pass, and how it reaches Salesforce.
 *
 * @param enabled    off: changed customers are not queued for sync and nothing is written to any store
 * @param periodMs   pause between two passes over the outbox
 * @param batchSize  most customers synced in one pass (one write call per store per pass, more for Salesforce
 *                   above 200 records)
 * @param settle     a pass waits until no change arrived for this long (or a batch is full): changes that keep
 *                   coming are written in a few big batches, not a call per trickle; 0 syncs at once
 * @param maxWait    ... but never holds a change longer than this
 * @param salesforce how the Salesforce connector reaches Salesforce (the embedded sandbox by default)
 * @param reconcile  the scheduled reconciliation of every store with the golden records
 */
@ConfigurationProperties(prefix = "rapport.sync")
public record SyncProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("500") long periodMs,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("PT1S") Duration settle,
        @DefaultValue("PT15S") Duration maxWait,
        @DefaultValue Salesforce salesforce,
        @DefaultValue Erp erp,
        @DefaultValue Reconcile reconcile) {

    /**
     * @param periodMs pause between two scheduled reconciliations (route {@code reconciliation}); the first runs one
     *                 period after start
     * @param heal     scheduled runs re-send drifted records through the intake (on-demand runs say for themselves)
     */
    public record Reconcile(
            @DefaultValue("21600000") long periodMs,
            @DefaultValue("true") boolean heal) {
    }

    /**
     * @param url            JDBC URL of the ERP database; empty: an embedded H2 ERP under the data directory, created
     *                       with the simulator's schema and seeded on first start (offline development, demos)
     * @param username       database user (needs read rights, and trigger DDL rights once, for change capture)
     * @param password       database password (secret: from the environment or a mounted file)
     * @param seedCustomers  customers the embedded ERP is seeded with on first start
     * @param pollMaxRows    most change rows (and, on the first poll, customers per page) read per poll
     * @param decimalFields  fields the ERP keeps in DECIMAL columns, compared as numbers
     */
    public record Erp(
            @DefaultValue("") String url,
            @DefaultValue("sa") String username,
            @DefaultValue("") String password,
            @DefaultValue("1000") int seedCustomers,
            @DefaultValue("2000") int pollMaxRows,
            @DefaultValue("credit_limit,open_balance") java.util.Set<String> decimalFields) {
    }

    /**
     * @param sandbox       start the embedded Salesforce sandbox and log in to it (offline development, demos, tests)
     * @param sandboxPort   the sandbox's port on 127.0.0.1; 0 picks a free one
     * @param loginUrl      Salesforce's login URL when the sandbox is off (https://login.salesforce.com, or My Domain)
     * @param clientId      connected app's consumer key (secret: from the environment or a mounted file)
     * @param clientSecret  connected app's consumer secret (secret)
     * @param username      integration user (password flow)
     * @param password      integration user's password and security token (secret)
     * @param bulkThreshold a write of this many records or more goes through one Bulk API 2.0 job instead of
     *                      sObject Collections calls of 200
     * @param bulkTimeout   longest wait for a bulk job before its records count as not written (they stay pending)
     * @param apiReserve    daily API calls left to the company's users and other integrations: sync pauses when
     *                      Salesforce reports no more than this many remaining
     * @param authentication USERNAME_PASSWORD, CLIENT_CREDENTIALS (connected app's run-as user) or JWT (bearer
     *                      assertion signed with the key in {@code jwtKeystore}; no password stored anywhere)
     * @param jwtKeystore   PKCS12 keystore holding the connected app's private key (JWT)
     * @param jwtKeystorePassword the keystore's password (secret)
     * @param changeCapture STREAMING: Change Data Capture events (a re-read per changed record, nothing while idle),
     *                      with a SystemModstamp catch-up poll when the subscription (re)starts; POLLING: only the
     *                      SystemModstamp poll, every {@code pollInterval} (for orgs without Change Data Capture)
     * @param pollInterval  how often to poll when there is no subscription
     * @param requestTimeout longest wait for any one Salesforce answer; a call timing out counts as unavailable
     * @param echoTimeout   how long a write the hub made may go without any change event coming back before the
     *                      subscription is taken for deaf and started again (with a catch-up poll)
     */
    public record Salesforce(
            @DefaultValue("true") boolean sandbox,
            @DefaultValue("0") int sandboxPort,
            @DefaultValue("") String loginUrl,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("1000") int bulkThreshold,
            @DefaultValue("PT10M") Duration bulkTimeout,
            @DefaultValue("1000") long apiReserve,
            @DefaultValue("USERNAME_PASSWORD") Authentication authentication,
            @DefaultValue("") String jwtKeystore,
            @DefaultValue("") String jwtKeystorePassword,
            @DefaultValue("STREAMING") ChangeCapture changeCapture,
            @DefaultValue("PT1M") Duration pollInterval,
            @DefaultValue("PT60S") Duration requestTimeout,
            @DefaultValue("PT2M") Duration echoTimeout) {
    }

    public enum Authentication { USERNAME_PASSWORD, CLIENT_CREDENTIALS, JWT }

    public enum ChangeCapture { STREAMING, POLLING }
}
