package io.rapport.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextKeyTest {

    @Test
    void keysAreFoldedAndCollapsedButNotEmpty() {
        assertThat(TextKey.of("  Straße\t\t12 \n B ")).isEqualTo("strasse 12 b");
        assertThat(TextKey.of("ＡＢＣ ﬁne")).isEqualTo("abc fine");
        assertThat(TextKey.of(" \t ")).isNull();
        assertThat(TextKey.of(null)).isNull();
    }

    @Test
    void whitespaceCollapsesExactlyAsTheRegexDid() {
        char[] alphabet = {'a', 'é', ' ', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003'};
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = text.toString();
            assertThat(TextKey.collapseWhitespace(s)).as("[%s]", s).isEqualTo(s.replaceAll("\\s+", " "));
        }
    }
}
