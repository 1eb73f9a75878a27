package io.rapport.sim.erp;

import java.time.Duration;

/** What one seeding run wrote, and the partner numbers it used ({@code firstPartnerNo}..{@code lastPartnerNo}). */
public record SeedResult(int partners, int addresses, int orders, int orderLines, int invoices, String firstPartnerNo,
        String lastPartnerNo, Duration took) {

    public String summary() {
        return "seeded %d partners (%s..%s), %d addresses, %d sales orders with %d lines, %d invoices in %.1f s"
                .formatted(partners, firstPartnerNo, lastPartnerNo, addresses, orders, orderLines, invoices,
                        took.toMillis() / 1000.0);
    }
}
