package io.rapport.bench;

import io.rapport.app.sync.SalesforceComponents;
import io.rapport.connector.salesforce.ApiBudget;
import io.rapport.connector.salesforce.OutboundRecord;
import io.rapport.connector.salesforce.SalesforceMapping;
import io.rapport.connector.salesforce.ObjectMapping;
import io.rapport.connector.salesforce.SalesforceRecordMapper;
import io.rapport.connector.salesforce.SalesforceWriter;
import io.rapport.core.party.PartyType;
import io.rapport.sim.salesforce.SalesforceSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The sync benchmark's baseline: the Salesforce write alone. As many Contacts as the run syncs are upserted into a
 * fresh sandbox through the same component and connector the hub uses, with no ERP, resolution or bookkeeping.
 */
final class SalesforceBaseline {

    private SalesforceBaseline() {
    }

    /** Seconds to upsert {@code count} Contacts in one write (a Bulk API 2.0 job, as the hub's initial load). */
    static double upsertSeconds(int count) throws Exception {
        try (SalesforceSandbox sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults(), 0)) {
            CamelContext camel = new DefaultCamelContext();
            camel.addComponent("salesforce", SalesforceComponents.forSandbox(sandbox));
            camel.start();
            try {
                SalesforceMapping mapping = new SalesforceMapping("Rapport_Id__c", "rapport-bench",
                        Map.of("Contact", new ObjectMapping(PartyType.PERSON, Map.of("FirstName", "{given_name}",
                                "LastName", "{family_name}", "Email", "{email}", "MailingCity", "{locality}")),
                                "Account", new ObjectMapping(PartyType.ORGANIZATION, Map.of("Name", "{organization}"))));
                SalesforceWriter writer = new SalesforceWriter(camel.createProducerTemplate(),
                        new SalesforceRecordMapper(mapping), new ApiBudget(0), 1_000, Duration.ofMinutes(10));
                List<OutboundRecord> records = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("given_name", "Given" + i);
                    values.put("family_name", "Family" + i);
                    values.put("email", "person" + i + "@example.com");
                    values.put("locality", "City " + (i % 97));
                    records.add(new OutboundRecord("B-" + i, values, values.keySet()));
                }
                long start = System.nanoTime();
                writer.upsert("Contact", records);
                return (System.nanoTime() - start) / 1e9;
            } finally {
                camel.stop();
            }
        }
    }
}
