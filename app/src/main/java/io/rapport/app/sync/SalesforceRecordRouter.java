package io.rapport.app.sync;

import io.rapport.app.activity.ActivityStore;
import io.rapport.app.ingest.InboundCustomerGateway;
import io.rapport.connector.salesforce.SalesforceActivities;
import io.rapport.connector.salesforce.SalesforceSourceRecords;
import io.rapport.core.activity.CustomerActivity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-Based Router of the records read from Salesforce, by sObject type: customers (Contacts, Accounts, Leads)
 * go to the customer intake ({@code inbound.customer}) as source records, activities (Cases, Tasks) to the
 * {@link ActivityStore} as canonical activities.
 */
public class SalesforceRecordRouter {

    private static final Logger log = LoggerFactory.getLogger(SalesforceRecordRouter.class);

    private final SalesforceSourceRecords customers;
    private final InboundCustomerGateway gateway;
    private final SalesforceActivities activities;
    private final ActivityStore activityStore;
    private final Clock clock;

    public SalesforceRecordRouter(SalesforceSourceRecords customers, InboundCustomerGateway gateway,
                                  SalesforceActivities activities, ActivityStore activityStore, Clock clock) {
        this.customers = customers;
        this.gateway = gateway;
        this.activities = activities;
        this.activityStore = activityStore;
        this.clock = clock;
    }

    /** Sends the records of one type where they belong; returns how many were sent or stored. */
    public int send(String sObjectName, List<Map<String, Object>> records, String importId) {
        if (!activities.isActivity(sObjectName)) {
            return gateway.sendAll(importId, records.stream()
                    .map(record -> customers.toSourceRecord(sObjectName, record)).toList());
        }
        List<CustomerActivity> read = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            try {
                CustomerActivity activity = activities.toActivity(sObjectName, record);
                String unfit = ActivityStore.unfit(activity);
                if (unfit != null) {
                    throw new IllegalArgumentException(unfit);
                }
                read.add(activity);
            } catch (IllegalArgumentException e) {
                // a mapping mistake or a value the store cannot keep, named in full; the rest of the page is stored
                log.warn("{} {} not stored: {}", sObjectName, record.get("Id"), e.getMessage());
            }
        }
        return activityStore.save(read, clock.instant());
    }

    /** Salesforce deleted these records; only activities are handled here (customers' deletions are the sync's). */
    public boolean deleted(String sObjectName, List<String> ids) {
        if (!activities.isActivity(sObjectName)) {
            return false;
        }
        activityStore.deleted(ids.stream().map(id -> SalesforceSourceRecords.SOURCE + ":" + id).toList());
        return true;
    }
}
