package io.rapport.app.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The source records a customer is made of, as its golden record lists them: what a social link holds on to, and
 * where a customer's Salesforce records are found. Read from the golden record, since {@code customer_record} has no
 * index by customer (docs/performance.md).
 */
public class CustomerMembers {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CustomerMembers(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Record keys ({@code <source>:<source id>}); empty for a customer that does not exist (any more). */
    public List<String> of(String customerId) {
        List<String> members = new ArrayList<>();
        for (String golden : jdbc.queryForList("SELECT golden_json FROM golden_record WHERE customer_id = ?",
                String.class, customerId)) {
            try {
                for (JsonNode member : json.readTree(golden).path("members")) {
                    members.add(member.asText());
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable golden record of customer " + customerId, e);
            }
        }
        return members;
    }
}
