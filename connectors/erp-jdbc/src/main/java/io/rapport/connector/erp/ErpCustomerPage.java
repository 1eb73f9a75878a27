package io.rapport.connector.erp;

import java.util.List;

/**
 * One page of a full scan in partner number order.
 *
 * @param customers     the page's customers
 * @param lastPartnerNo the key to ask for the next page after; null when the page is empty
 * @param hasMore       false once a page came back short: the scan is complete
 */
public record ErpCustomerPage(List<ErpCustomer> customers, String lastPartnerNo, boolean hasMore) {

    public ErpCustomerPage {
        customers = List.copyOf(customers);
    }
}
