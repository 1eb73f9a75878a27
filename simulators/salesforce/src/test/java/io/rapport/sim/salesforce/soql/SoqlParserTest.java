package io.rapport.sim.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlParserTest {

    @Test
    void aFullQueryParsesIntoItsClauses() {
        SoqlQuery query = SoqlParser.parse("select Id, name FROM Account WHERE (Industry = 'Banking' OR Industry IN"
                + " ('Retail', 'Food')) AND NOT Name LIKE 'Test%' AND AnnualRevenue >= 1.5 ORDER BY Name DESC NULLS"
                + " FIRST, Id LIMIT 10 OFFSET 5");

        assertThat(query.fields()).containsExactly("Id", "name");
        assertThat(query.from()).isEqualTo("Account");
        assertThat(query.limit()).isEqualTo(10);
        assertThat(query.offset()).isEqualTo(5);
        assertThat(query.orderBy()).extracting(SoqlQuery.Ordering::field, SoqlQuery.Ordering::descending,
                SoqlQuery.Ordering::nullsFirst).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Name", true, true),
                        org.assertj.core.groups.Tuple.tuple("Id", false, true));
        Condition.And and = (Condition.And) query.where();
        assertThat(and.operands()).hasSize(3);
        assertThat(and.operands().get(0)).isInstanceOf(Condition.Or.class);
        assertThat(and.operands().get(1)).isInstanceOf(Condition.Not.class);
        assertThat(and.operands().get(2)).isEqualTo(new Condition.Comparison("AnnualRevenue",
                query.text().indexOf("AnnualRevenue"), ">=", new Literal.Number(new BigDecimal("1.5"))));
    }

    @Test
    void literalsOfEveryKindAreRead() {
        SoqlQuery query = SoqlParser.parse("SELECT Id FROM Contact WHERE A = 'it\\'s \\\\ here' AND B = null AND"
                + " C = TRUE AND D = 2024-01-31 AND E > 2024-01-31T10:00:00Z AND F < 2024-01-31T12:00:00+02:00"
                + " AND G = LAST_N_DAYS:7 AND H <> -3 AND I != YESTERDAY");

        List<Condition> operands = ((Condition.And) query.where()).operands();
        assertThat(operands).extracting(c -> ((Condition.Comparison) c).value()).containsExactly(
                new Literal.Text("it's \\ here"), new Literal.Null(), new Literal.Bool(true),
                new Literal.Date(LocalDate.of(2024, 1, 31)), new Literal.DateTime(Instant.parse("2024-01-31T10:00:00Z")),
                new Literal.DateTime(Instant.parse("2024-01-31T10:00:00Z")), new Literal.DayRange("LAST_N_DAYS:7", -7, 0),
                new Literal.Number(new BigDecimal("-3")), new Literal.DayRange("YESTERDAY", -1, -1));
        assertThat(operands).extracting(c -> ((Condition.Comparison) c).operator())
                .containsExactly("=", "=", "=", "=", ">", "<", "=", "!=", "!=");
    }

    @Test
    void countAndNotInParse() {
        SoqlQuery query = SoqlParser.parse("SELECT COUNT() FROM Lead WHERE Status NOT IN ('Closed', 'Lost')");

        assertThat(query.count()).isTrue();
        assertThat(query.fields()).isEmpty();
        assertThat(((Condition.In) query.where()).negated()).isTrue();
    }

    @Test
    void mixingAndWithOrWithoutParenthesesIsRefusedAsSalesforceDoes() {
        String query = "SELECT Id FROM Account WHERE A = 1 AND B = 2 OR C = 3";
        assertThatThrownBy(() -> SoqlParser.parse(query))
                .isInstanceOf(SoqlException.class)
                .hasMessageContaining("unexpected token: OR")
                .hasMessageContaining("ERROR at Row:1:Column:" + (query.indexOf(" OR ") + 2))
                .extracting(e -> ((SoqlException) e).errorCode()).isEqualTo("MALFORMED_QUERY");
    }

    @Test
    void malformedQueriesNameTheCulprit() {
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id Account")).hasMessageContaining("unexpected token: Account");
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM")).hasMessageContaining("unexpected token: <EOF>");
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Account WHERE Name = 'open"))
                .isInstanceOf(SoqlException.class);
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Account LIMIT x"))
                .hasMessageContaining("unexpected token: x");
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Account WHERE Name LIKE 5"))
                .hasMessageContaining("unexpected token: 5");
    }
}
