package io.rapport.app.social;

import io.rapport.connector.salesforce.SalesforceSourceRecords;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer's records in Salesforce: the Contact and Account a Case is hung on. They are the customer's members
 * read from Salesforce, and the records the hub itself wrote there (store sync's index).
 */
public class CustomerCrmRecords {

    /** Salesforce ids, either may be null. */
    public record CrmIds(String contactId, String accountId) {
        public static final CrmIds NONE = new CrmIds(null, null);
    }

    private static final String CONTACT_PREFIX = "003";
    private static final String ACCOUNT_PREFIX = "001";

    private final JdbcTemplate jdbc;
    private final CustomerMembers members;

    public CustomerCrmRecords(JdbcTemplate jdbc, CustomerMembers members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    public CrmIds of(String customerId) {
        List<String> ids = new ArrayList<>();
        for (String key : members.of(customerId)) {
            if (key.startsWith(SalesforceSourceRecords.SOURCE + ":")) {
                ids.add(key.substring(SalesforceSourceRecords.SOURCE.length() + 1));
            }
        }
        ids.addAll(jdbc.queryForList("SELECT store_key FROM sync_store_record WHERE store = ? AND customer_id = ?",
                String.class, SalesforceSourceRecords.SOURCE, customerId));
        String contact = ids.stream().filter(id -> id.startsWith(CONTACT_PREFIX)).sorted().findFirst().orElse(null);
        String account = ids.stream().filter(id -> id.startsWith(ACCOUNT_PREFIX)).sorted().findFirst().orElse(null);
        return new CrmIds(contact, account);
    }
}
