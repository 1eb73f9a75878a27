package io.rapport.sim.customers;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scores the hub's cross-reference export against the generator's ground truth:
 * {@code EvaluateXref --xref xref.csv --truth truth.csv}. Prints one line,
 * {@code precision=… recall=… f1=… records=… truePairs=… predictedPairs=… missing=… …}.
 */
public final class EvaluateXref {

    private static final String USAGE = """
            usage: EvaluateXref --xref FILE --truth FILE
              --xref FILE    predicted clustering, CSV with header source,source_id,customer_id
                             (what GET /api/v1/xref returns)
              --truth FILE   ground truth, CSV with header source,source_id,entity_id (the generator's truth.csv)
            Prints pairwise precision, recall and F1; records missing from the xref count as singletons.""";

    private EvaluateXref() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status (0 ok, 2 usage error, 1 failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path xref = null;
        Path truth = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--xref" -> xref = Path.of(value(args, ++i, "--xref"));
                    case "--truth" -> truth = Path.of(value(args, ++i, "--truth"));
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (xref == null || truth == null) {
                throw new IllegalArgumentException("both --xref and --truth are required");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            for (Path p : new Path[] {xref, truth}) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("no such file: " + p);
                }
            }
            out.println(PairwiseEvaluation.evaluate(xref, truth).summary());
            return 0;
        } catch (Exception e) {
            err.println("evaluation failed: " + e.getMessage());
            return 1;
        }
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
