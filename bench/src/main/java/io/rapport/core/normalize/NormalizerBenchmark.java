package io.rapport.core.normalize;

import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.party.EmailAddress;
import io.rapport.core.party.PhoneNumber;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the Normalizer on one realistic record (all columns of the import contract, national formats, accents), and
 * the phone and email normalizers alone. In the core's package (on the class path only) because the per-field
 * normalizers are package-private. Run with {@code bench/run-jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NormalizerBenchmark {

    private final CustomerNormalizer normalizer = new CustomerNormalizer(new NormalizationSettings("NO"));
    private final PhoneNormalizer phones = new PhoneNormalizer();
    private final EmailNormalizer emails = new EmailNormalizer();
    private final Instant receivedAt = Instant.parse("2026-11-24T00:00:00Z");
    private final SourceRecord record = record();

    private static SourceRecord record() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("given_name", "Kjersti");
        fields.put("family_name", "Bjørsæter");
        fields.put("email", "Kjersti.Bjorsaeter@Gmail.com");
        fields.put("email_verified", "yes");
        fields.put("phone", "912 34 567; 22 63 62 67");
        fields.put("street_number", "12B");
        fields.put("street", "Storgata");
        fields.put("address_line2", "H0201");
        fields.put("locality", "Oslo");
        fields.put("region", "Oslo");
        fields.put("postcode", "0155");
        fields.put("country", "Norge");
        fields.put("birth_date", "23.09.1956");
        fields.put("national_id", "230956 12345");
        fields.put("social_handle", "@kjersti_b");
        fields.put("consent_marketing", "yes");
        fields.put("source_updated_at", "2026-11-20T10:15:30Z");
        fields.put("loyalty_tier", "gold");
        return new SourceRecord(SourceName.of("crm"), "C-100234", fields);
    }

    @Benchmark
    public CanonicalCustomer customerNormalizer() {
        return normalizer.normalize(record, receivedAt);
    }

    /** A national number in the record's region to E.164 (libphonenumber parse and validation). */
    @Benchmark
    public List<PhoneNumber> phoneNational() {
        return phones.normalize("912 34 567", "NO", "phone", new Issues());
    }

    /** An international number written with 00. */
    @Benchmark
    public List<PhoneNumber> phoneInternational() {
        return phones.normalize("0044 20 7946 0018", "NO", "phone", new Issues());
    }

    @Benchmark
    public List<EmailAddress> email() {
        return emails.normalize("Kjersti.Bjorsaeter@Gmail.com", true, "email", new Issues());
    }
}
