package io.rapport.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.party.EmailAddress;
import io.rapport.core.party.QualityIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailNormalizerTest {

    private final EmailNormalizer normalizer = new EmailNormalizer();
    private final Issues issues = new Issues();

    private List<EmailAddress> normalize(String raw) {
        return normalizer.normalize(raw, false, "email", issues);
    }

    private String canonical(String raw) {
        return normalize(raw).get(0).canonical();
    }

    @Test
    void anAddressIsTrimmedAndLowerCasedWhole() {
        assertThat(normalize("  Jane.DOE+News@Example.COM ")).containsExactly(
                new EmailAddress("Jane.DOE+News@Example.COM", "jane.doe+news@example.com", false));
        assertThat(issues.toList()).isEmpty();
    }

    @Test
    void anInternationalDomainIsConvertedToAscii() {
        assertThat(canonical("anna@Bücher.example")).isEqualTo("anna@xn--bcher-kva.example");
        assertThat(canonical("info@例え.テスト")).isEqualTo("info@xn--r8jz45g.xn--zckzah");
    }

    @Test
    void fullWidthInputIsReadAsPlainCharacters() {
        assertThat(normalize("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ")).containsExactly(
                new EmailAddress("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "jane@example.com", false));
    }

    @Test
    void severalAddressesAreSeparatedBySemicolonsAndEmptyEntriesIgnored() {
        assertThat(normalize("a@example.com; B@Example.org;;")).extracting(EmailAddress::canonical)
                .containsExactly("a@example.com", "b@example.org");
    }

    @Test
    void anInvalidAddressIsKeptWithoutCanonicalFormAndFlagged() {
        assertThat(normalize("jane.example.com")).containsExactly(new EmailAddress("jane.example.com", null, false));
        assertThat(issues.toList()).containsExactly(new QualityIssue("email", "not an email address: no '@'"));
    }

    @Test
    void anInvalidAddressAmongSeveralIsNamedByItsPosition() {
        List<EmailAddress> emails = normalize("a@example.com;b@@example.com;c@example.com");

        assertThat(emails).extracting(EmailAddress::valid).containsExactly(true, false, true);
        assertThat(issues.toList()).containsExactly(
                new QualityIssue("email", "entry 2 of 3: not an email address: more than one '@'"));
    }

    @Test
    void pragmaticSyntaxRejectsTheCommonMistakes() {
        for (String bad : List.of("@example.com", "jane doe@example.com", "jane@", "jane@localhost", "jane@example..com",
                "jane@-example.com", "jane@example-.com", "jane@exa_mple.com", "jane@192.168.0.1", "jane@example.com.",
                "<jane@example.com>", "jane@exam ple.com", "jane,doe@example.com")) {
            assertThat(normalize(bad).get(normalize(bad).size() - 1).canonical()).as(bad).isNull();
        }
    }

    @Test
    void pragmaticSyntaxAcceptsUnusualButValidAddresses() {
        assertThat(canonical("o'brien@example.ie")).isEqualTo("o'brien@example.ie");
        assertThat(canonical("first.last+tag@sub.example.co.uk")).isEqualTo("first.last+tag@sub.example.co.uk");
        assertThat(canonical("x@a-b.io")).isEqualTo("x@a-b.io");
        assertThat(canonical("user@xn--bcher-kva.example")).isEqualTo("user@xn--bcher-kva.example");
    }

    @Test
    void verifiedAppliesOnlyToValidAddresses() {
        List<EmailAddress> emails = normalizer.normalize("a@example.com;broken", true, "email", issues);

        assertThat(emails).containsExactly(new EmailAddress("a@example.com", "a@example.com", true),
                new EmailAddress("broken", null, false));
    }
}
