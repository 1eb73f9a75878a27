package io.rapport.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.connector.salesforce.SalesforceChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

/** Reading a change event's headers; the malformed examples were found by SalesforceFuzzTest. */
class SalesforceChangeListenerTest {

    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();

    @Test
    void aChangeEventIsReadFromTheComponentsHeaders() {
        SalesforceChange change = SalesforceChangeListener.toChange(event(Map.of(
                "CamelSalesforceRecordIds", new Object[] {"0035g00000AbCdEAAV"},
                "CamelSalesforceReplayId", 42L, "CamelSalesforceCommitTimestamp", 1_795_570_881_483L,
                "CamelSalesforceChangeOrigin", "com/salesforce/api/rest/62.0;client=Rapport")));

        assertThat(change.entity()).isEqualTo("Contact");
        assertThat(change.recordIds()).containsExactly("0035g00000AbCdEAAV");
        assertThat(change.replayId()).isEqualTo(42L);
        assertThat(change.committedAt()).isEqualTo(Instant.ofEpochMilli(1_795_570_881_483L));
        assertThat(change.madeBy("Rapport")).isTrue();
    }

    @Test
    void anEventThatCannotBeFiledIsRefusedWithItsReason() {
        assertThatThrownBy(() -> SalesforceChangeListener.toChange(event(Map.of("CamelSalesforceReplayId", ""))))
                .isInstanceOf(SalesforceChangeListener.MalformedChangeEventException.class)
                .hasMessageContaining("replay id is not a number");
        assertThatThrownBy(() -> SalesforceChangeListener.toChange(event(Map.of("CamelSalesforceRecordIds",
                List.of("x".repeat(19))))))
                .isInstanceOf(SalesforceChangeListener.MalformedChangeEventException.class)
                .hasMessageContaining("record id that is not one");
        assertThatThrownBy(() -> SalesforceChangeListener.toChange(event(Map.of("CamelSalesforceCommitTimestamp",
                "yesterday"))))
                .isInstanceOf(SalesforceChangeListener.MalformedChangeEventException.class)
                .hasMessageContaining("commit time");
        Message noType = event(Map.of());
        noType.removeHeader("CamelSalesforceChangeType");
        assertThatThrownBy(() -> SalesforceChangeListener.toChange(noType))
                .isInstanceOf(SalesforceChangeListener.MalformedChangeEventException.class)
                .hasMessageContaining("CamelSalesforceChangeType");
    }

    /** A valid UPDATE of a Contact, with the given headers replacing its own. */
    private static Message event(Map<String, Object> headers) {
        Message message = new DefaultMessage(CAMEL);
        message.setHeader("CamelSalesforceEntityName", "Contact");
        message.setHeader("CamelSalesforceChangeType", "UPDATE");
        message.setHeader("CamelSalesforceRecordIds", new String[] {"0035g00000AbCdEAAV"});
        message.setHeader("CamelSalesforceReplayId", 7L);
        headers.forEach(message::setHeader);
        return message;
    }
}
