package io.rapport.app.privacy;

import io.rapport.connector.erp.ErpCustomerWriter;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rapport.privacy.*} (docs/privacy.md).
 *
 * @param erpErasure   what an erasure does to the ERP's partner: ANONYMIZE (personal columns emptied, addresses
 *                     deleted, partner blocked: the books keep it) or DELETE (deleted unless orders or invoices name
 *                     it, then anonymized)
 * @param periodMs     pause between two passes over the deletions the stores still owe
 * @param maxBackoff   longest wait between two tries at a store that is down (it is waited out, however long)
 * @param maxRefusals  tries before a store that refuses a record is given up on (FAILED, for a person to settle)
 */
@ConfigurationProperties(prefix = "rapport.privacy")
public record PrivacyProperties(
        @DefaultValue("ANONYMIZE") ErpCustomerWriter.ErasureMode erpErasure,
        @DefaultValue("1000") long periodMs,
        @DefaultValue("PT1M") Duration maxBackoff,
        @DefaultValue("10") int maxRefusals) {
}
