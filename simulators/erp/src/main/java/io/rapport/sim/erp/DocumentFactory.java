package io.rapport.sim.erp;

import io.rapport.sim.erp.SeedRows.Invoice;
import io.rapport.sim.erp.SeedRows.Order;
import io.rapport.sim.erp.SeedRows.OrderLine;
import io.rapport.sim.erp.SeedRows.Partner;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A partner's sales history: orders since the partner was created, invoiced some days after the order unless
 * recent or cancelled, and paid by the due date (or not) as real payers are: most on time, some partly, a few never.
 */
final class DocumentFactory {

    private record Material(String number, String description, BigDecimal listPrice) {
        Material(String number, String description, String listPrice) {
            this(number, description, new BigDecimal(listPrice));
        }
    }

    private static final Material[] MATERIALS = {
        new Material("FG-1000", "Office chair, ergonomic", "249.00"),
        new Material("FG-1010", "Standing desk 160x80", "589.00"),
        new Material("FG-1020", "Monitor arm, dual", "119.50"),
        new Material("FG-2000", "Laptop sleeve 14 inch", "29.90"),
        new Material("FG-2010", "USB-C docking station", "189.00"),
        new Material("FG-2020", "Wireless keyboard", "69.00"),
        new Material("FG-3000", "Printer paper A4, box", "24.50"),
        new Material("FG-3010", "Toner cartridge, black", "84.00"),
        new Material("SV-9000", "On-site installation, hour", "95.00"),
        new Material("SV-9010", "Extended warranty, 3 years", "149.00"),
    };

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SeedOptions options;

    DocumentFactory(SeedOptions options) {
        this.options = options;
    }

    /** Orders and invoices for one partner, numbered from the given counters (advanced in place). */
    void make(Partner partner, ErpCountry country, SplittableRandom r, long[] nextOrderNo, long[] nextInvoiceNo,
            List<Order> orders, List<Invoice> invoices) {
        LocalDate asOf = options.asOf();
        LocalDate since = partner.createdAt().toLocalDate();
        long days = Math.max(1, ChronoUnit.DAYS.between(since, asOf));
        int count = r.nextInt(options.maxOrdersPerCustomer() + 1);
        for (int i = 0; i < count; i++) {
            LocalDate orderDate = since.plusDays(r.nextLong(days));
            long age = ChronoUnit.DAYS.between(orderDate, asOf);
            List<OrderLine> lines = lines(country, r);
            BigDecimal net = lines.stream().map(OrderLine::lineAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            String status = r.nextDouble() < 0.04 ? "CANCELLED" : age > 14 ? "INVOICED" : age > 3 ? "DELIVERED" : "OPEN";
            long orderNo = nextOrderNo[0]++;
            orders.add(new Order(orderNo, partner.partnerNo(), orderDate, status, partner.currency(), net,
                    orderDate.atTime(8 + r.nextInt(10), r.nextInt(60)), lines));
            if (status.equals("INVOICED")) {
                invoices.add(invoice(nextInvoiceNo[0]++, partner, orderNo, orderDate, net, country, r));
            }
        }
    }

    private List<OrderLine> lines(ErpCountry country, SplittableRandom r) {
        int count = 1 + r.nextInt(4);
        List<OrderLine> lines = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Material m = MATERIALS[r.nextInt(MATERIALS.length)];
            BigDecimal quantity = BigDecimal.valueOf(1 + r.nextInt(r.nextDouble() < 0.8 ? 3 : 40)).setScale(3);
            BigDecimal price = m.listPrice().multiply(country.priceFactor).setScale(2, RoundingMode.HALF_UP);
            lines.add(new OrderLine(i * 10, m.number(), m.description(), quantity, price,
                    price.multiply(quantity).setScale(2, RoundingMode.HALF_UP)));
        }
        return lines;
    }

    private Invoice invoice(long invoiceNo, Partner partner, long orderNo, LocalDate orderDate, BigDecimal net,
            ErpCountry country, SplittableRandom r) {
        LocalDate invoiceDate = orderDate.plusDays(1 + r.nextInt(10));
        LocalDate dueDate = invoiceDate.plusDays(termDays(partner.paymentTerms()));
        BigDecimal tax = net.multiply(country.vatPercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        BigDecimal gross = net.add(tax);
        BigDecimal paid;
        double u = r.nextDouble();
        if (dueDate.isAfter(options.asOf())) {
            paid = u < 0.3 ? gross : BigDecimal.ZERO.setScale(2);
        } else if (u < 0.88) {
            paid = gross;
        } else if (u < 0.95) {
            paid = gross.multiply(BigDecimal.valueOf(10 + r.nextInt(80))).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        } else {
            paid = BigDecimal.ZERO.setScale(2);
        }
        String status = paid.compareTo(gross) >= 0 ? "PAID" : paid.signum() > 0 ? "PARTIAL" : "OPEN";
        return new Invoice(invoiceNo, partner.partnerNo(), orderNo, invoiceDate, dueDate, partner.currency(), net, tax,
                gross, paid, status);
    }

    private static int termDays(String paymentTerms) {
        return switch (paymentTerms) {
            case "NT14" -> 14;
            case "NT30" -> 30;
            case "NT60" -> 60;
            default -> 0; // PREP, COD: due at once
        };
    }
}
