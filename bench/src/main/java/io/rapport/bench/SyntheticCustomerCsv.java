package io.rapport.bench;

import java.util.Random;

/**
 * Customer rows in the import contract's shape, with the variety real files have (accents, apostrophes, quoted
 * fields, several phone formats), reproducible from a seed so runs compare like with like.
 */
public final class SyntheticCustomerCsv {

    private static final String[] GIVEN = {"Anna", "Bjørn", "Chloé", "Dmitri", "Eve", "François", "Grace", "Hiro",
            "Ines", "José", "Kari", "Liam", "Mei", "Nils", "Olga", "Priya"};
    private static final String[] FAMILY = {"Berg", "Ødegård", "Dubois", "Ivanov", "O'Neil", "Müller", "Hopper",
            "Tanaka", "García", "Nowak", "Smith", "Larsen", "Rossi", "Kim", "Haddad", "Novák"};
    private static final String[] CITY = {"Oslo", "Bergen", "Lyon", "Zürich", "São Paulo", "Kraków", "Århus", "Cork"};

    private SyntheticCustomerCsv() {
    }

    public static String generate(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(rows * 160);
        csv.append("source_id,given_name,family_name,email,phone,street,locality,postcode,country,birth_date\n");
        for (int i = 1; i <= rows; i++) {
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String family = FAMILY[random.nextInt(FAMILY.length)];
            csv.append("cust-").append(i).append(',')
                    .append(given).append(',')
                    .append('"').append(family).append('"').append(',')
                    .append(ascii(given)).append('.').append(ascii(family)).append(i).append("@example.com,")
                    .append(random.nextBoolean() ? "+47 " : "0047-").append(40_000_000 + random.nextInt(9_999_999)).append(',')
                    .append('"').append(1 + random.nextInt(200)).append(" Storgata, apt ").append(random.nextInt(20)).append('"').append(',')
                    .append(CITY[random.nextInt(CITY.length)]).append(',')
                    .append(String.format("%04d", random.nextInt(10_000))).append(",NO,")
                    .append(1940 + random.nextInt(65)).append('-').append(String.format("%02d", 1 + random.nextInt(12)))
                    .append('-').append(String.format("%02d", 1 + random.nextInt(28))).append('\n');
        }
        return csv.toString();
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("ø", "o").replace("Ø", "O").replace("'", "").toLowerCase();
    }
}
