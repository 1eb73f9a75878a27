package io.rapport.core.normalize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.DateTimeException;
import java.time.temporal.TemporalAccessor;

/**
 * When the source last changed the record: ISO 8601 instant ({@code 2024-05-01T10:15:30Z}), date-time with offset
 * ({@code 2024-05-01T12:15:30+02:00}, optionally with a zone id in brackets), local date-time (read as UTC) or date
 * (start of the day, UTC). A space may stand for the {@code T}.
 */
final class SourceTimestampParser {

    /** The instant, or null (the caller adds the quality issue) when the value is none of the accepted forms. */
    Instant parse(String raw) {
        String text = Values.nfkc(raw).strip();
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return zoned.toInstant();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException notATimestamp) {
            return null;
        }
    }
}
