package io.rapport.app.sync;

import java.util.function.Consumer;
import java.util.LinkedHashSet;
import io.rapport.connector.salesforce.SalesforceReader;
import io.rapport.core.customer.SourceRecord;
import io.rapport.connector.salesforce.ApiBudget;
import io.rapport.connector.salesforce.OutboundRecord;
import io.rapport.connector.salesforce.SalesforceMapping;
import io.rapport.connector.salesforce.SalesforceRecordMapper;
import io.rapport.connector.salesforce.SalesforceSourceRecords;
import io.rapport.connector.salesforce.SalesforceUnavailableException;
import io.rapport.connector.salesforce.SalesforceWriter;
import io.rapport.connector.salesforce.WriteResult;
import io.rapport.core.party.PartyType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sync engine's Salesforce: persons as the mapping's person object, organizations as its organization object. */
public class SalesforceStore implements StoreConnector {

    public static final String NAME = SalesforceSourceRecords.SOURCE;

    private final SalesforceMapping mapping;
    private final SalesforceRecordMapper mapper;
    private final SalesforceSourceRecords records;
    private final SalesforceWriter writer;
    private final SalesforceReader reader;
    private final ApiBudget budget;
    private final EchoWatch echoes;
    private final Clock clock;

    /**
     * @param mapper the one the writer and the reader use too
     * @param echoes told of every write that landed: its change event is due
     */
    public SalesforceStore(SalesforceRecordMapper mapper, SalesforceWriter writer, SalesforceReader reader,
                           ApiBudget budget, EchoWatch echoes, Clock clock) {
        this.mapping = mapper.mapping();
        this.mapper = mapper;
        this.records = new SalesforceSourceRecords(mapper);
        this.writer = writer;
        this.reader = reader;
        this.budget = budget;
        this.echoes = echoes;
        this.clock = clock;
    }

    @Override
    public String store() {
        return NAME;
    }

    @Override
    public Set<String> mappedFields(PartyType type) {
        return mapper.syncedFields(mapping.objectFor(type));
    }

    @Override
    public Map<String, String> syncedValues(PartyType type, Map<String, String> storedFields,
                                            Map<String, String> agreed) {
        String sObjectName = storedFields.getOrDefault(SalesforceSourceRecords.OBJECT, mapping.objectFor(type));
        return records.syncedValues(sObjectName, storedFields, agreed);
    }

    /** Records of an object the mapping marks {@code readOnly} (Leads) are not the customer's synced copy. */
    @Override
    public boolean keepsInSync(Map<String, String> storedFields) {
        String sObjectName = storedFields.get(SalesforceSourceRecords.OBJECT);
        return sObjectName == null || mapping.synced(sObjectName);
    }

    @Override
    public String hubIdAttribute() {
        return SalesforceSourceRecords.HUB_ID;
    }

    @Override
    public List<StoreWriteResult> write(List<StoreWrite> writes) {
        if (!budget.allowsNonUrgentWork()) {
            throw new StoreUnavailableException("Salesforce reports " + budget.remaining() + " API calls left today,"
                    + " at or under the reserve of " + budget.reserve(), null);
        }
        Map<PartyType, List<OutboundRecord>> byType = new LinkedHashMap<>();
        for (StoreWrite write : writes) {
            byType.computeIfAbsent(write.type(), type -> new ArrayList<>())
                    .add(new OutboundRecord(write.customerId(), write.storeKey(), write.desired(), write.changed()));
        }
        Map<String, StoreWriteResult> results = new HashMap<>();
        Instant started = clock.instant();
        try {
            byType.forEach((type, records) -> {
                for (WriteResult result : writer.upsert(mapping.objectFor(type), records)) {
                    results.put(result.customerId(), new StoreWriteResult(result.customerId(), result.salesforceId(),
                            result.errorCode(), result.message()));
                }
            });
        } catch (SalesforceUnavailableException e) {
            landed(started, results.values());
            throw new StoreUnavailableException(e.getMessage(), e);
        }
        landed(started, results.values());
        return writes.stream().map(write -> results.get(write.customerId())).toList();
    }

    /** Deletes by Salesforce id through sObject Collections: the record goes to the recycle bin, as a user's would. */
    @Override
    public List<StoreWriteResult> delete(List<Map.Entry<String, String>> records) {
        Instant started = clock.instant();
        List<StoreWriteResult> results;
        try {
            results = writer.delete(records).stream().map(result -> new StoreWriteResult(result.customerId(),
                    result.salesforceId(), result.errorCode(), result.message())).toList();
        } catch (SalesforceUnavailableException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        }
        landed(started, results);
        return results;
    }

    /** A write that changed a record makes a change event: one is due unless every record failed. */
    private void landed(Instant started, Collection<StoreWriteResult> results) {
        if (results.stream().anyMatch(StoreWriteResult::succeeded)) {
            echoes.written(started);
        }
    }

    /**
     * Pages of 2,000 by SystemModstamp, persons' object then organizations': one API call a page, after one to
     * {@code /limits}, since reconciliation runs hours apart and must not eat into the reserve.
     */
    @Override
    public void readAll(Consumer<List<SourceRecord>> page) {
        try {
            reader.refreshBudget();
        } catch (SalesforceUnavailableException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        }
        if (!budget.allowsNonUrgentWork()) {
            throw new StoreUnavailableException("Salesforce reports " + budget.remaining() + " API calls left today,"
                    + " at or under the reserve of " + budget.reserve() + "; reconciliation waits", null);
        }
        Set<String> objects = new LinkedHashSet<>(List.of(mapping.objectFor(PartyType.PERSON),
                mapping.objectFor(PartyType.ORGANIZATION)));
        try {
            for (String object : objects) {
                SalesforceReader.PollPosition position = null;
                SalesforceReader.ModifiedPage read;
                do {
                    read = reader.modifiedAfter(object, position);
                    List<SourceRecord> sourceRecords = new ArrayList<>(read.records().size());
                    for (Map<String, Object> record : read.records()) {
                        sourceRecords.add(records.toSourceRecord(object, record));
                    }
                    page.accept(sourceRecords);
                    position = read.next();
                } while (read.more());
            }
        } catch (SalesforceUnavailableException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        }
    }
}
