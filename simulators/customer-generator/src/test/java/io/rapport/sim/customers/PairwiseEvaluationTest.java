package io.rapport.sim.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairwiseEvaluationTest {

    /** Entity A has three records, B two, C one: 3 + 1 + 0 = 4 true pairs. */
    private static final String TRUTH = """
            source,source_id,entity_id
            crm,1,A
            crm,2,A
            erp,1,A
            erp,2,B
            erp,3,B
            webshop,1,C
            """;

    private static EvaluationResult evaluate(String xref) throws IOException {
        return PairwiseEvaluation.evaluate(new StringReader(xref), new StringReader(TRUTH));
    }

    @Test
    void perfectClusteringScoresOne() throws IOException {
        EvaluationResult r = evaluate("""
                source,source_id,customer_id
                crm,1,c-1
                crm,2,c-1
                erp,1,c-1
                erp,2,c-2
                erp,3,c-2
                webshop,1,c-3
                """);
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recall()).isEqualTo(1.0);
        assertThat(r.f1()).isEqualTo(1.0);
        assertThat(r.records()).isEqualTo(6);
        assertThat(r.truePairs()).isEqualTo(4);
        assertThat(r.predictedPairs()).isEqualTo(4);
        assertThat(r.correctPairs()).isEqualTo(4);
        assertThat(r.missing()).isZero();
        assertThat(r.clusters()).isEqualTo(3);
        assertThat(r.entities()).isEqualTo(3);
    }

    @Test
    void allSingletonsHaveRecallZero() throws IOException {
        EvaluationResult r = evaluate("""
                source,source_id,customer_id
                crm,1,1
                crm,2,2
                erp,1,3
                erp,2,4
                erp,3,5
                webshop,1,6
                """);
        assertThat(r.predictedPairs()).isZero();
        assertThat(r.recall()).isZero();
        assertThat(r.precision()).as("no predicted pair, so no false merge").isEqualTo(1.0);
        assertThat(r.f1()).isZero();
    }

    @Test
    void oneFalseMergeLowersPrecisionExactly() throws IOException {
        // C's record merged into B's cluster: predicted pairs 3 + 3 = 6, of which 3 + 1 = 4 are correct.
        EvaluationResult r = evaluate("""
                source,source_id,customer_id
                crm,1,c-1
                crm,2,c-1
                erp,1,c-1
                erp,2,c-2
                erp,3,c-2
                webshop,1,c-2
                """);
        assertThat(r.predictedPairs()).isEqualTo(6);
        assertThat(r.correctPairs()).isEqualTo(4);
        assertThat(r.precision()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(r.recall()).isEqualTo(1.0);
        assertThat(r.f1()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void aSplitLowersRecallExactly() throws IOException {
        EvaluationResult r = evaluate("""
                source,source_id,customer_id
                crm,1,c-1
                crm,2,c-1
                erp,1,c-9
                erp,2,c-2
                erp,3,c-2
                webshop,1,c-3
                """);
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recall()).isEqualTo(0.5);
        assertThat(r.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-12));
    }

    @Test
    void missingRecordsAreSingletonsAndUnknownRowsAreIgnored() throws IOException {
        EvaluationResult r = evaluate("""
                source,source_id,customer_id
                crm,1,c-1
                crm,2,c-1
                erp,1,c-1
                erp,2,c-2
                webshop,1,c-2
                other,7,c-2
                crm,1,c-5
                """);
        // erp/3 missing: a singleton. webshop/1 falsely merged with erp/2. other/7 unknown. crm/1 listed twice.
        assertThat(r.missing()).isEqualTo(1);
        assertThat(r.unknown()).isEqualTo(1);
        assertThat(r.duplicateRows()).isEqualTo(1);
        assertThat(r.predictedPairs()).isEqualTo(3 + 1);
        assertThat(r.correctPairs()).isEqualTo(3);
        assertThat(r.precision()).isEqualTo(0.75);
        assertThat(r.recall()).isEqualTo(0.75);
        assertThat(r.summary()).startsWith("precision=0.750000 recall=0.750000 f1=0.750000 records=6 truePairs=4"
                + " predictedPairs=4 missing=1");
    }

    @Test
    void readsQuotedFieldsCrlfByteOrderMarkAndAnyColumnOrder() throws IOException {
        EvaluationResult r = evaluate("\uFEFFcustomer_id,source,source_id,extra\r\n"
                + "\"c,1\",crm,1,\"a \"\"b\"\"\r\nc\"\r\n"
                + "\"c,1\",\"crm\",\"2\",\r\n"
                + "\"c,1\",erp,1,\r\n"
                + "c2,erp,2,\r\n"
                + "c2,erp,3,\r\n"
                + "c3,webshop,1,\r\n");
        assertThat(r.f1()).isEqualTo(1.0);
        assertThat(r.missing()).isZero();
    }

    @Test
    void rejectsFilesWithoutTheNeededColumns() {
        assertThatThrownBy(() -> evaluate("source,id,customer\ncrm,1,x\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source_id");
        assertThatThrownBy(() -> PairwiseEvaluation.evaluate(new StringReader("source,source_id,customer_id\n"),
                new StringReader("source,source_id,entity_id\ncrm,1,A\ncrm,1,B\n")))
                .hasMessageContaining("twice");
    }

    @Test
    void countingAgreesWithEnumeratingEveryPair() {
        SplittableRandom r = new SplittableRandom(8);
        for (int round = 0; round < 20; round++) {
            int n = 50 + r.nextInt(250);
            int clusters = 1 + r.nextInt(n);
            int entities = 1 + r.nextInt(n);
            int[] predicted = new int[n];
            int[] actual = new int[n];
            for (int i = 0; i < n; i++) {
                predicted[i] = r.nextInt(clusters);
                actual[i] = r.nextInt(entities);
            }
            long truePairs = 0;
            long predictedPairs = 0;
            long correct = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    boolean p = predicted[i] == predicted[j];
                    boolean t = actual[i] == actual[j];
                    predictedPairs += p ? 1 : 0;
                    truePairs += t ? 1 : 0;
                    correct += p && t ? 1 : 0;
                }
            }
            EvaluationResult e = PairwiseEvaluation.count(predicted, actual, clusters, entities, 0, 0, 0);
            assertThat(e.truePairs()).isEqualTo(truePairs);
            assertThat(e.predictedPairs()).isEqualTo(predictedPairs);
            assertThat(e.correctPairs()).isEqualTo(correct);
        }
    }
}
