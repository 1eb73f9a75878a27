package io.rapport.core.survivorship;

import io.rapport.core.party.PartyType;
import io.rapport.core.party.SourceRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The single best view of one real customer, built by {@link GoldenRecordBuilder} from the source records linked
 * to it.
 *
 * @param customerId the hub's id of the customer (the cluster id)
 * @param type       {@link PartyType#ORGANIZATION} only if every member is an organization, else
 *                   {@link PartyType#PERSON}
 * @param fields     surviving values by field name, in the order of {@link GoldenFields#ORDER} followed by the
 *                   {@code consents.<purpose>} fields in purpose order; a field no member states is absent
 * @param members    the source records the golden record was built from, ordered by {@link SourceRef#key()}
 */
public record GoldenRecord(String customerId, PartyType type, Map<String, SurvivingValue> fields,
                           List<SourceRef> members) {

    public GoldenRecord {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
        members = List.copyOf(members == null ? List.of() : members);
    }

    /** The surviving value of {@code field}, or null when no member states it. */
    public Object value(String field) {
        SurvivingValue surviving = fields.get(field);
        return surviving == null ? null : surviving.value();
    }
}
