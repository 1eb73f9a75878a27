package io.rapport.app.resolve;

import io.rapport.core.normalize.TextKey;
import io.rapport.core.party.Consent;
import io.rapport.core.party.EmailAddress;
import io.rapport.core.party.NationalId;
import io.rapport.core.party.PersonName;
import io.rapport.core.party.PhoneNumber;
import io.rapport.core.party.PostalAddress;
import io.rapport.core.party.SocialHandle;
import io.rapport.core.party.SourceRef;
import io.rapport.core.survivorship.GoldenFields;
import io.rapport.core.survivorship.GoldenRecord;
import io.rapport.core.survivorship.SurvivingValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A golden record as the API shows it and {@code golden_record} stores it: every field's value with its lineage
 * (source, source id, source timestamp, the rule that chose it, how many members offered a value). National ids
 * appear masked: the full value stays in the canonical records, out of every API answer and log.
 */
public final class GoldenRecordView {

    private GoldenRecordView() {
    }

    public static Map<String, Object> of(GoldenRecord golden) {
        Map<String, Object> fields = new LinkedHashMap<>();
        golden.fields().forEach((name, surviving) -> fields.put(name, field(surviving)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("customerId", golden.customerId());
        view.put("type", golden.type().name());
        view.put("displayName", displayName(golden));
        view.put("fields", fields);
        view.put("members", golden.members().stream().map(SourceRef::key).toList());
        return view;
    }

    public static String displayName(GoldenRecord golden) {
        Object full = golden.value(GoldenFields.FULL_NAME);
        String name = new PersonName(text(golden.value(GoldenFields.GIVEN_NAME)),
                text(golden.value(GoldenFields.FAMILY_NAME)), text(full)).display();
        if (name == null || name.isBlank()) {
            name = text(golden.value(GoldenFields.ORGANIZATION));
        }
        return name;
    }

    /** What {@code GET /customers?q=} searches: names, emails, phones, address, handles and the ids, as match keys. */
    public static String searchText(GoldenRecord golden) {
        StringJoiner text = new StringJoiner(" ");
        text.add(golden.customerId());
        for (String field : List.of(GoldenFields.GIVEN_NAME, GoldenFields.FAMILY_NAME, GoldenFields.FULL_NAME,
                GoldenFields.ORGANIZATION, GoldenFields.EMAILS, GoldenFields.PHONES, GoldenFields.ADDRESS,
                GoldenFields.SOCIAL_HANDLES)) {
            searchTerms(golden.value(field), text);
        }
        golden.members().forEach(member -> text.add(member.key()));
        String key = TextKey.withoutDiacritics(text.toString());
        return key == null ? "" : key.length() <= 8000 ? key : key.substring(0, 8000);
    }

    /** A search term folded the way {@link #searchText} folds what it searches. */
    public static String searchKey(String query) {
        String key = TextKey.withoutDiacritics(query);
        return key == null ? "" : key;
    }

    private static Map<String, Object> field(SurvivingValue surviving) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("value", shown(surviving.value()));
        field.put("source", surviving.lineage().system().value());
        field.put("sourceId", surviving.lineage().sourceId());
        field.put("sourceTimestamp", surviving.lineage().timestamp().toString());
        field.put("rule", surviving.rule());
        field.put("candidates", surviving.candidates());
        return field;
    }

    /** Values as JSON-friendly maps and strings; national ids masked. */
    static Object shown(Object value) {
        if (value instanceof NationalId id) {
            return id.masked();
        }
        if (value instanceof Collection<?> values) {
            List<Object> shown = new ArrayList<>(values.size());
            values.forEach(v -> shown.add(shown(v)));
            return shown;
        }
        if (value instanceof EmailAddress email) {
            return email.original();
        }
        if (value instanceof PhoneNumber phone) {
            return phone.e164() != null ? phone.e164() : phone.original();
        }
        if (value instanceof SocialHandle handle) {
            return Map.of("network", handle.network(), "handle", handle.handle());
        }
        if (value instanceof Consent consent) {
            return Map.of("purpose", consent.purpose(), "granted", consent.granted());
        }
        if (value instanceof PostalAddress || value instanceof String || value instanceof Boolean) {
            return value;
        }
        return value == null ? null : value.toString();
    }

    private static void searchTerms(Object value, StringJoiner text) {
        if (value instanceof Collection<?> values) {
            values.forEach(v -> searchTerms(v, text));
        } else if (value instanceof EmailAddress email) {
            text.add(email.canonical() != null ? email.canonical() : email.original());
        } else if (value instanceof PhoneNumber phone) {
            text.add(phone.original());
            if (phone.e164() != null) {
                text.add(phone.e164());
            }
        } else if (value instanceof PostalAddress address) {
            for (String part : new String[] {address.street(), address.locality(), address.postcode()}) {
                if (part != null) {
                    text.add(part);
                }
            }
        } else if (value instanceof SocialHandle handle) {
            text.add(handle.handle());
        } else if (value != null) {
            text.add(value.toString());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
