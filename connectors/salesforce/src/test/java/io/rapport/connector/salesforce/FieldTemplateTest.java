package io.rapport.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldTemplateTest {

    private final FieldTemplate street = FieldTemplate.parse("{street} {street_number}");

    @Test
    void joinsTheNonEmptyValuesWithTheTextBetweenThem() {
        assertThat(street.render(Map.of("street", "Storgatan", "street_number", "12A"))).isEqualTo("Storgatan 12A");
        assertThat(street.render(Map.of("street", "Rue de la Paix"))).isEqualTo("Rue de la Paix");
        assertThat(street.render(Map.of())).isNull();
    }

    @Test
    void aValueTheHubWroteReadsBackAsExactlyWhatItWroteEvenWhereParsingWouldSplitItOtherwise() {
        Map<String, String> written = new HashMap<>();
        written.put("street", "Rue de la Paix");
        written.put("street_number", null);

        Map<String, String> read = street.read(street.render(written), written);

        assertThat(read).containsEntry("street", "Rue de la Paix").containsEntry("street_number", null);
    }

    @Test
    void aValueSomebodyChangedIsSplitWithTheLastWordInTheLastField() {
        Map<String, String> read = street.read("Drottninggatan 7", Map.of("street", "Storgatan", "street_number", "12A"));

        assertThat(read).containsEntry("street", "Drottninggatan").containsEntry("street_number", "7");
    }

    @Test
    void aValueThatDoesNotFitGoesWholeIntoTheFirstField() {
        Map<String, String> read = street.read("Postbox", Map.of());

        assertThat(read).containsEntry("street", "Postbox").containsEntry("street_number", null);
    }

    @Test
    void anEmptyValueClearsEveryField() {
        assertThat(street.read("  ", Map.of("street", "Storgatan")))
                .containsEntry("street", null).containsEntry("street_number", null);
    }

    @Test
    void templatesThatCouldNotBeReadBackAreRejected() {
        assertThatThrownBy(() -> FieldTemplate.parse("{a}{b}")).hasMessageContaining("nothing between");
        assertThatThrownBy(() -> FieldTemplate.parse("Street")).hasMessageContaining("names no field");
    }
}
