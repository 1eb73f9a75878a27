package io.rapport.sim.erp;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Command line front of {@link ErpSchema} and {@link ErpSeedGenerator}: creates the ERP schema if it is missing and
 * fills it, so a demo has an ERP database to connect the hub to.
 *
 * <pre>
 * SeedErpDatabase --url jdbc:postgresql://127.0.0.1:5432/erp --user postgres --customers 10000 --seed 42
 * </pre>
 */
public final class SeedErpDatabase {

    private static final String USAGE = """
            usage: SeedErpDatabase --url JDBC_URL [options]
              --url URL                 JDBC URL of the ERP database (H2, PostgreSQL or MariaDB), required
              --user NAME               database user (default: none)
              --password SECRET         database password (default: none)
              --customers N             business partners to add (default %d)
              --seed S                  random seed; equal options give equal rows in an empty schema (default %d)
              --organization-share R    share of partners that are organizations, 0..1 (default %s)
              --countries A,B           partners' countries among NO,SE,DE,GB,US,FR (default all)
              --max-orders N            sales orders per partner, 0..N (default %d)
              --as-of YYYY-MM-DD        the simulated today (default %s)
              --recreate                drop the ERP tables first and create them anew"""
            .formatted(SeedOptions.DEFAULT_CUSTOMERS, SeedOptions.DEFAULT_SEED, SeedOptions.DEFAULT_ORGANIZATION_SHARE,
                    SeedOptions.DEFAULT_MAX_ORDERS_PER_CUSTOMER, SeedOptions.DEFAULT_AS_OF);

    private SeedErpDatabase() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status (0 ok, 2 usage error, 1 failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        String user = null;
        String password = null;
        boolean recreate = false;
        SeedOptions options;
        try {
            SeedOptions.Builder b = SeedOptions.builder();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--url" -> url = value(args, ++i, arg);
                    case "--user" -> user = value(args, ++i, arg);
                    case "--password" -> password = value(args, ++i, arg);
                    case "--customers" -> b.customers(Integer.parseInt(value(args, ++i, arg)));
                    case "--seed" -> b.seed(Long.parseLong(value(args, ++i, arg)));
                    case "--organization-share" -> b.organizationShare(Double.parseDouble(value(args, ++i, arg)));
                    case "--countries" -> b.countries(countries(value(args, ++i, arg)));
                    case "--max-orders" -> b.maxOrdersPerCustomer(Integer.parseInt(value(args, ++i, arg)));
                    case "--as-of" -> b.asOf(LocalDate.parse(value(args, ++i, arg)));
                    case "--recreate" -> recreate = true;
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            options = b.build();
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            if (recreate) {
                ErpSchema.drop(connection);
            }
            if (recreate || !ErpSchema.exists(connection)) {
                ErpSchema.create(connection);
                out.println("created the ERP schema (" + SqlDialect.of(connection) + ")");
            }
            out.println(new ErpSeedGenerator(options).seed(connection).summary());
            return 0;
        } catch (SQLException e) {
            err.println("seeding failed: " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static Set<ErpCountry> countries(String list) {
        Set<ErpCountry> countries = EnumSet.noneOf(ErpCountry.class);
        for (String code : list.split(",")) {
            countries.add(ErpCountry.valueOf(code.strip().toUpperCase(Locale.ROOT)));
        }
        return countries;
    }
}
