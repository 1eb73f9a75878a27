package io.rapport.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.rapport.core.customer.SourceRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErpCustomerMapperTest {

    private final ErpCustomerMapper mapper = new ErpCustomerMapper(ErpMapping.defaults(), ErpCustomerMapper.SOURCE,
            ZoneId.of("Europe/Oslo"));

    @Test
    void aCustomerBecomesASourceRecordWithCanonicalColumnsAndNamedAttributes() {
        SourceRecord record = mapper.toSourceRecord(customer());

        assertThat(record.key()).isEqualTo("erp:1000042");
        assertThat(record.fields()).containsExactly(
                entry("given_name", "Kari"), entry("family_name", "Nordmann"), entry("party_type", "PERSON"),
                entry("email", "kari@example.no"), entry("phone", "+47 22 33 44 55"), entry("birth_date", "1980-02-29"),
                entry("national_id", "29028012345"),
                entry("street", "Storgata"), entry("street_number", "12B"), entry("postcode", "0155"),
                entry("locality", "Oslo"), entry("country", "NO"),
                entry("tax_id", "NO123456789MVA"), entry("credit_limit", "5000.00"), entry("currency", "NOK"),
                entry("payment_terms", "NT14"), entry("blocked", "false"), entry("customer_id", "C-77"),
                entry("ship_street", "Havnegata"), entry("ship_street_number", "3"), entry("ship_postcode", "5003"),
                entry("ship_locality", "Bergen"), entry("ship_country", "NO"),
                entry("erp_changed_at", "2025-01-15T09:30:00+01:00"), entry("erp_changed_by", "MBERG"),
                entry("erp_row_version", "3"));
    }

    @Test
    void aSourceRecordBecomesTheColumnsToWriteWithoutTheColumnsTheWriterKeeps() {
        ErpCustomer original = customer();

        ErpCustomer back = mapper.toErpCustomer(mapper.toSourceRecord(original));

        Map<String, Object> writable = new LinkedHashMap<>(original.partner());
        writable.keySet().removeAll(java.util.List.of("partner_no", "changed_at", "changed_by", "row_version",
                "org_name", "created_at"));
        writable.values().removeIf(java.util.Objects::isNull);
        assertThat(back.partnerNo()).isEqualTo("1000042");
        assertThat(back.partner()).containsExactlyInAnyOrderEntriesOf(writable);
        assertThat(back.address("BILL")).containsExactlyInAnyOrderEntriesOf(Map.of("street", "Storgata",
                "house_no", "12B", "postcode", "0155", "city", "Oslo", "country", "NO"));
        assertThat(back.address("SHIP")).containsEntry("city", "Bergen");
    }

    @Test
    void valuesAreReadAsTheirColumnsTypesAndABlankClearsTheColumn() {
        Map<String, String> fields = new HashMap<>();
        fields.put("birth_date", "19800229");
        fields.put("credit_limit", "2500");
        fields.put("blocked", "yes");
        fields.put("email", "");
        fields.put("erp_row_version", "99");
        fields.put("favourite_colour", "blue");

        ErpCustomer customer = mapper.toErpCustomer(null, fields);

        assertThat(customer.partner()).containsOnly(entry("birth_date", LocalDate.of(1980, 2, 29)),
                entry("credit_limit", new BigDecimal("2500")), entry("blocked", true), entry("email", null));
        assertThatThrownBy(() -> mapper.toErpCustomer("1", Map.of("birth_date", "29.02.1980")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("birth_date");
    }

    @Test
    void aMappingTableFromConfigurationDrivesTheMapper() {
        ErpMapping mapping = ErpMapping.of(Map.of("family_name", "bp_partner.NAME1", "locality", "bp_address[SHIP].city"));
        ErpCustomerMapper custom = new ErpCustomerMapper(mapping, ErpCustomerMapper.SOURCE, ZoneId.of("UTC"));

        SourceRecord record = custom.toSourceRecord(new ErpCustomer("7", Map.of("name1", "Acme"),
                Map.of("SHIP", Map.of("city", "Lyon"))));

        assertThat(record.fields()).containsOnly(entry("family_name", "Acme"), entry("locality", "Lyon"));
        assertThat(ErpMapping.defaults().asMap()).containsEntry("ship_street", "bp_address[SHIP].street");
        assertThatThrownBy(() -> ErpMapping.of(Map.of("email", "customers.email")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bp_partner.<column>");
    }

    static ErpCustomer customer() {
        Map<String, Object> partner = new LinkedHashMap<>();
        partner.put("partner_no", "1000042");
        partner.put("kind", "PERSON");
        partner.put("first_name", "Kari");
        partner.put("last_name", "Nordmann");
        partner.put("org_name", null);
        partner.put("birth_date", LocalDate.of(1980, 2, 29));
        partner.put("national_id", "29028012345");
        partner.put("tax_id", "NO123456789MVA");
        partner.put("email", "kari@example.no");
        partner.put("phone", "+47 22 33 44 55");
        partner.put("credit_limit", new BigDecimal("5000.00"));
        partner.put("currency", "NOK");
        partner.put("payment_terms", "NT14");
        partner.put("blocked", false);
        partner.put("ext_ref", "C-77");
        partner.put("created_at", LocalDateTime.of(2020, 3, 1, 8, 0));
        partner.put("changed_at", LocalDateTime.of(2025, 1, 15, 9, 30));
        partner.put("changed_by", "MBERG");
        partner.put("row_version", 3);
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("street", "Storgata");
        bill.put("house_no", "12B");
        bill.put("street2", null);
        bill.put("postcode", "0155");
        bill.put("city", "Oslo");
        bill.put("region", null);
        bill.put("country", "NO");
        Map<String, Object> ship = Map.of("street", "Havnegata", "house_no", "3", "postcode", "5003", "city", "Bergen",
                "country", "NO");
        return new ErpCustomer("1000042", partner, Map.of("BILL", bill, "SHIP", ship));
    }
}
