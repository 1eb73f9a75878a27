package io.rapport.sim.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The rows one seeded customer brings: the partner, its addresses, its sales orders and their invoices. */
final class SeedRows {

    private SeedRows() {
    }

    record Customer(Partner partner, List<Address> addresses, List<Order> orders, List<Invoice> invoices) {
    }

    record Partner(String partnerNo, String kind, String firstName, String lastName, String orgName,
            LocalDate birthDate, String nationalId, String taxId, String email, String phone, BigDecimal creditLimit,
            String currency, String paymentTerms, boolean blocked, LocalDateTime createdAt, LocalDateTime changedAt,
            String changedBy, int rowVersion) {
    }

    record Address(String partnerNo, String type, String street, String houseNo, String street2, String postcode,
            String city, String region, String country, LocalDateTime changedAt, String changedBy) {
    }

    record Order(long orderNo, String partnerNo, LocalDate orderDate, String status, String currency,
            BigDecimal netAmount, LocalDateTime createdAt, List<OrderLine> lines) {
    }

    record OrderLine(int lineNo, String material, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal lineAmount) {
    }

    record Invoice(long invoiceNo, String partnerNo, long orderNo, LocalDate invoiceDate, LocalDate dueDate,
            String currency, BigDecimal netAmount, BigDecimal taxAmount, BigDecimal grossAmount, BigDecimal paidAmount,
            String status) {
    }
}
