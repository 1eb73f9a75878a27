package io.rapport.sim.customers;

import java.util.SplittableRandom;

/**
 * A town with its region, its own postcodes and its landline area code. Every postcode belongs to exactly one
 * locality, so postcode and locality agree in every generated address.
 *
 * @param name       locality as written in addresses
 * @param region     county, state, Land or län
 * @param low        lowest numeric postcode of the locality (numeric countries)
 * @param high       highest numeric postcode
 * @param outward    GB outward codes (the inward part is made per address); null elsewhere
 * @param weight     relative population
 * @param areaCode   national significant prefix of landlines
 * @param firstDigits digits a landline's subscriber number may start with in this area
 */
record Locality(String name, String region, int low, int high, String[] outward, double weight, String areaCode,
        String firstDigits) {

    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    static Locality parse(String line) {
        String[] parts = line.split("\\|", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("locality line needs name|region|postcodes|weight|area: " + line);
        }
        String postcodes = parts[2].strip();
        int low = 0;
        int high = 0;
        String[] outward = null;
        int dash = postcodes.indexOf('-');
        if (dash > 0 && Character.isDigit(postcodes.charAt(0))) {
            low = Integer.parseInt(postcodes.substring(0, dash));
            high = Integer.parseInt(postcodes.substring(dash + 1));
        } else {
            outward = postcodes.split(" +");
        }
        String area = parts[4].strip();
        String firstDigits = "23456789";
        int colon = area.indexOf(':');
        if (colon > 0) {
            firstDigits = area.substring(colon + 1);
            area = area.substring(0, colon);
        }
        return new Locality(parts[0].strip(), parts[1].strip(), low, high, outward,
                Double.parseDouble(parts[3].strip()), area, firstDigits);
    }

    /** A postcode of this locality in the country's written form. */
    String postcode(Country country, SplittableRandom random) {
        if (outward != null) {
            String out = outward[random.nextInt(outward.length)];
            return out + ' ' + random.nextInt(10) + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                    + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
        }
        int code = low + (high > low ? random.nextInt(high - low + 1) : 0);
        return country.formatPostcode(code);
    }
}
