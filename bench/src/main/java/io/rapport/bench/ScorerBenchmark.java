package io.rapport.bench;

import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import io.rapport.core.match.BlockingKeys;
import io.rapport.core.match.MatchProfile;
import io.rapport.core.match.MatchResult;
import io.rapport.core.match.MatchScorer;
import io.rapport.core.match.MatchSettings;
import io.rapport.core.normalize.CustomerNormalizer;
import io.rapport.core.normalize.NormalizationSettings;
import io.rapport.core.party.CanonicalCustomer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: scoring a candidate pair with the default settings (a true duplicate with a typo, a move and another date
 * format; and two different people who share a block), building a record's {@link MatchProfile}, and its blocking
 * keys. Run with {@code bench/run-jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScorerBenchmark {

    private final MatchSettings settings = MatchSettings.defaults();
    private final MatchScorer scorer = new MatchScorer(settings);
    private final BlockingKeys blockingKeys = new BlockingKeys(settings.blocking());
    private CanonicalCustomer record;
    private MatchProfile original;
    private MatchProfile duplicate;
    private MatchProfile other;

    @Setup
    public void setUp() {
        CustomerNormalizer normalizer = new CustomerNormalizer(new NormalizationSettings("NO"));
        Instant at = Instant.parse("2026-11-24T00:00:00Z");
        record = normalizer.normalize(record("crm", "1", "Kjersti", "Bjørsæter", "kjersti.bjorsaeter@gmail.com",
                "912 34 567", "12B", "Storgata", "Oslo", "0155", "1956-09-23"), at);
        original = MatchProfile.of(record);
        duplicate = MatchProfile.of(normalizer.normalize(record("shop", "77", "Kjersti", "Bjorsater",
                "kjersti.bjorsaeter@gmail.com", "+47 912 34 567", "3", "Kirkeveien", "Bergen", "5003", "23.09.1956"), at));
        other = MatchProfile.of(normalizer.normalize(record("erp", "9", "Kari", "Bjørnstad", "kari.b@hotmail.com",
                "22 63 62 67", "12", "Storgata", "Oslo", "0155", "1961-02-14"), at));
    }

    private static SourceRecord record(String source, String id, String given, String family, String email,
                                       String phone, String number, String street, String locality, String postcode,
                                       String birth) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("given_name", given);
        f.put("family_name", family);
        f.put("email", email);
        f.put("phone", phone);
        f.put("street_number", number);
        f.put("street", street);
        f.put("locality", locality);
        f.put("postcode", postcode);
        f.put("country", "NO");
        f.put("birth_date", birth);
        return new SourceRecord(SourceName.of(source), id, f);
    }

    @Benchmark
    public MatchResult scoreMatchingPair() {
        return scorer.score(original, duplicate);
    }

    @Benchmark
    public MatchResult scoreNonMatchingPair() {
        return scorer.score(original, other);
    }

    @Benchmark
    public MatchProfile profile() {
        return MatchProfile.of(record);
    }

    @Benchmark
    public Set<String> blockingKeys() {
        return blockingKeys.of(original);
    }
}
