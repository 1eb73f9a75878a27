package io.rapport.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.party.SocialHandle;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocialHandleParserTest {

    private final SocialHandleParser parser = new SocialHandleParser();
    private final Issues issues = new Issues();

    private List<SocialHandle> parse(String raw) {
        return parser.parse(raw, "social_handle", issues);
    }

    @Test
    void everyFormOfAnXHandleBecomesTheSameHandle() {
        for (String form : List.of("@Jane_Doe", "Jane_Doe", "x:jane_doe", "X:@Jane_Doe", "twitter:Jane_Doe",
                "https://x.com/Jane_Doe", "https://twitter.com/jane_doe/", "twitter.com/Jane_Doe",
                "http://www.twitter.com/Jane_Doe?lang=en", "mobile.twitter.com/jane_doe", "＠Ｊａｎｅ＿Ｄｏｅ")) {
            assertThat(parse(form)).as(form).containsExactly(new SocialHandle("x", "jane_doe"));
        }
        assertThat(issues.toList()).isEmpty();
    }

    @Test
    void otherNetworksByPrefixOrProfileAddress() {
        assertThat(parse("instagram:Jane.Doe")).containsExactly(new SocialHandle("instagram", "jane.doe"));
        assertThat(parse("https://instagram.com/jane.doe")).containsExactly(new SocialHandle("instagram", "jane.doe"));
        assertThat(parse("https://www.linkedin.com/in/jane-doe-123/")).containsExactly(new SocialHandle("linkedin", "jane-doe-123"));
        assertThat(parse("tiktok.com/@jane.doe")).containsExactly(new SocialHandle("tiktok", "jane.doe"));
        assertThat(parse("fb:jane.doe")).containsExactly(new SocialHandle("facebook", "jane.doe"));
        assertThat(parse("https://github.com/janedoe")).containsExactly(new SocialHandle("github", "janedoe"));
        assertThat(issues.toList()).isEmpty();
    }

    @Test
    void severalHandlesAreSeparatedBySemicolons() {
        assertThat(parse("@janedoe; instagram:jane.doe")).containsExactly(new SocialHandle("x", "janedoe"),
                new SocialHandle("instagram", "jane.doe"));
    }

    @Test
    void invalidCharactersAreQualityIssues() {
        assertThat(parse("jane doe")).isEmpty();
        assertThat(parse("@jane-doe")).isEmpty();
        assertThat(parse("x:" + "a".repeat(16))).isEmpty();
        assertThat(parse("instagram:jane!")).isEmpty();
        assertThat(issues.toList()).hasSize(4).allSatisfy(issue -> assertThat(issue.field()).isEqualTo("social_handle"));
    }

    @Test
    void unknownNetworksAndAddressesThatAreNoProfilesAreQualityIssues() {
        assertThat(parse("myspace:jane")).isEmpty();
        assertThat(parse("https://example.com/jane")).isEmpty();
        assertThat(parse("https://x.com/jane/status/123")).isEmpty();
        assertThat(parse("https://www.youtube.com/watch?v=abc")).isEmpty();
        assertThat(parse("https://facebook.com/profile.php?id=1")).isEmpty();
        assertThat(issues.toList()).hasSize(5);
    }

    @Test
    void aBadEntryDoesNotStopTheOthers() {
        assertThat(parse("@good;bad handle;instagram:fine")).containsExactly(new SocialHandle("x", "good"),
                new SocialHandle("instagram", "fine"));
        assertThat(issues.toList()).singleElement().satisfies(issue -> assertThat(issue.reason()).startsWith("entry 2 of 3: "));
    }
}
