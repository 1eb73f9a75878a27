package io.rapport.sim.salesforce.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A value written in a query. Date literals such as TODAY name a range of days, resolved when evaluated. */
public sealed interface Literal {

    record Text(String value) implements Literal {
    }

    record Number(BigDecimal value) implements Literal {
    }

    record Bool(boolean value) implements Literal {
    }

    record Null() implements Literal {
    }

    record Date(LocalDate value) implements Literal {
    }

    record DateTime(Instant value) implements Literal {
    }

    /**
     * TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n: the days {@code fromDay} to {@code toDay} (both
     * included) counted from today, e.g. YESTERDAY is -1..-1 and LAST_N_DAYS:7 is -7..0.
     */
    record DayRange(String name, int fromDay, int toDay) implements Literal {
    }
}
