package io.rapport.app.sync;

import java.util.function.Consumer;
import io.rapport.connector.erp.ErpCustomerPage;
import io.rapport.connector.erp.ErpCustomerReader;
import io.rapport.core.customer.SourceRecord;
import io.rapport.connector.erp.ErpCustomer;
import io.rapport.connector.erp.ErpCustomerMapper;
import io.rapport.connector.erp.ErpCustomerWriter;
import io.rapport.connector.erp.ErpFieldMapping;
import io.rapport.connector.erp.ErpMapping;
import io.rapport.connector.erp.ErpWriteOutcome;
import io.rapport.core.party.PartyType;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sync engine's ERP database: customers written by partner number, or created with the hub's id as ext_ref. */
public class ErpStore implements StoreConnector {

    public static final String NAME = "erp";
    private static final String HUB_ID = "customer_id";
    private static final int READ_PAGE = 1_000;

    private final Set<String> mappedFields;
    private final ErpCustomerMapper mapper;
    private final ErpCustomerWriter writer;
    private final ErpCustomerReader reader;
    private final Set<String> decimalFields;

    /** @param decimalFields fields held in DECIMAL columns: compared as numbers, so 5000.00 here is 5000 elsewhere */
    public ErpStore(ErpMapping mapping, ErpCustomerMapper mapper, ErpCustomerWriter writer, ErpCustomerReader reader,
                    Set<String> decimalFields) {
        Set<String> fields = new LinkedHashSet<>();
        for (ErpFieldMapping field : mapping.fields()) {
            // sales measures are read, never written: the ERP computes them from its orders and invoices
            if ((field.writable() || field.sales()) && !field.field().equals(HUB_ID)) {
                fields.add(field.field());
            }
        }
        this.mappedFields = Collections.unmodifiableSet(fields);
        this.mapper = mapper;
        this.writer = writer;
        this.reader = reader;
        this.decimalFields = Set.copyOf(decimalFields);
    }

    @Override
    public String store() {
        return NAME;
    }

    @Override
    public Set<String> mappedFields(PartyType type) {
        return mappedFields;
    }

    @Override
    public Map<String, String> syncedValues(PartyType type, Map<String, String> storedFields,
                                            Map<String, String> agreed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : mappedFields) {
            String value = storedFields.get(field);
            values.put(field, value != null && decimalFields.contains(field) ? canonicalDecimal(value) : value);
        }
        return values;
    }

    @Override
    public String hubIdAttribute() {
        return HUB_ID;
    }

    @Override
    public List<StoreWriteResult> write(List<StoreWrite> writes) {
        List<ErpCustomer> customers = new ArrayList<>(writes.size());
        List<StoreWriteResult> unwritable = new ArrayList<>();
        for (StoreWrite write : writes) {
            Map<String, String> fields = new LinkedHashMap<>();
            write.changed().forEach(field -> fields.put(field, write.desired().get(field)));
            fields.put(HUB_ID, write.customerId());
            try {
                customers.add(mapper.toErpCustomer(write.storeKey(), fields));
                unwritable.add(null);
            } catch (IllegalArgumentException e) {
                customers.add(null);
                unwritable.add(new StoreWriteResult(write.customerId(), write.storeKey(), "INVALID_VALUE",
                        e.getMessage()));
            }
        }
        List<ErpCustomer> toWrite = customers.stream().filter(c -> c != null).toList();
        List<ErpWriteOutcome> outcomes;
        try {
            outcomes = writer.write(toWrite);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the ERP database could not be written: " + e.getMessage(), e);
        }
        List<StoreWriteResult> results = new ArrayList<>(writes.size());
        int next = 0;
        for (int i = 0; i < writes.size(); i++) {
            if (unwritable.get(i) != null) {
                results.add(unwritable.get(i));
                continue;
            }
            ErpWriteOutcome outcome = outcomes.get(next++);
            results.add(outcome.status() == ErpWriteOutcome.Status.FAILED
                    ? new StoreWriteResult(writes.get(i).customerId(), outcome.partnerNo(), "ERP_REJECTED", outcome.reason())
                    : new StoreWriteResult(writes.get(i).customerId(), outcome.partnerNo(), null, null));
        }
        return results;
    }

    /**
     * Blocks the partners rather than deleting them: an ERP keeps a customer it has invoiced, and blocking is how it
     * retires one. A partner the ERP no longer has counts as deleted.
     */
    @Override
    public List<StoreWriteResult> delete(List<Map.Entry<String, String>> records) {
        try {
            writer.block(records.stream().map(Map.Entry::getValue).toList());
        } catch (SQLException e) {
            throw new StoreUnavailableException("the ERP database could not be written: " + e.getMessage(), e);
        }
        return records.stream().map(record -> new StoreWriteResult(record.getKey(), record.getValue(), null, null))
                .toList();
    }

    /** Keyset pages of 1,000 partners in partner-number order. */
    @Override
    public void readAll(Consumer<List<SourceRecord>> page) {
        String after = null;
        try {
            ErpCustomerPage read;
            do {
                read = reader.page(after, READ_PAGE);
                List<SourceRecord> records = new ArrayList<>(read.customers().size());
                for (ErpCustomer customer : read.customers()) {
                    records.add(mapper.toSourceRecord(customer));
                }
                page.accept(records);
                after = read.lastPartnerNo();
            } while (read.hasMore());
        } catch (SQLException e) {
            throw new StoreUnavailableException("the ERP database could not be read: " + e.getMessage(), e);
        }
    }

    private static String canonicalDecimal(String value) {
        try {
            return new BigDecimal(value.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
