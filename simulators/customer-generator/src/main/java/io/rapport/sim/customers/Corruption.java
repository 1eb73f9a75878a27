package io.rapport.sim.customers;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The modifications a duplicate record may carry, relative to the true values of its entity. Each duplicate gets
 * one to {@link GeneratorOptions#maxModifications()} of them, drawn by weight; a modification that does not apply
 * to the record at hand (no birth date to swap, no e-mail to change) is redrawn.
 */
public enum Corruption {
    /** Insert, delete, substitute (mostly a keyboard neighbour) or transpose one character in a name, street, e-mail. */
    TYPO,
    /** A scanning error: 0/o, 1/l, 5/s, rn/m, cl/d, vv/w. */
    OCR,
    /** A spelling that sounds the same: ph/f, ck/k, ie/y, c/k, sen/son, double/single letters. */
    PHONETIC,
    /** Diacritics dropped or transcribed: Bjørn -> Bjorn or Bjoern, Müller -> Muller or Mueller. */
    DIACRITICS,
    /** The given name replaced by a nickname or spelling variant: William -> Bill, Elizabeth -> Liz, Bill -> William. */
    NICKNAME,
    /** One value left blank. */
    MISSING_VALUE,
    /** Given and family name swapped. */
    SWAP_NAMES,
    /** Day and month of the birth date swapped (where both are at most 12). */
    SWAP_DAY_MONTH,
    /** One wrong digit in the birth date, national id, telephone, postcode or house number. */
    DIGIT_ERROR,
    /** The birth date in another written form: 12/03/1985, 19850312, 12.03.1985, 12 March 1985. */
    DATE_FORMAT,
    /** A different address: the person moved (new street, number, locality and postcode). */
    MOVED,
    /** The telephone number in another written form: national, +47 ..., +4791234567, 0047-..., digits only. */
    PHONE_FORMAT,
    /** The e-mail address in other letter case, or a different address altogether. */
    EMAIL_CHANGE,
    /** The name only as full_name ("Kari Nordmann", "NORDMANN, Kari"), given and family name blank. */
    FULL_NAME_ONLY;

    /** The default weights of a profile; FEBRL-like files keep their YYYYMMDD dates and carry no e-mail. */
    public static Map<Corruption, Double> defaultWeights(Profile profile) {
        Map<Corruption, Double> w = new EnumMap<>(Corruption.class);
        w.put(TYPO, 20.0);
        w.put(OCR, 4.0);
        w.put(PHONETIC, 8.0);
        w.put(NICKNAME, 6.0);
        w.put(MISSING_VALUE, 15.0);
        w.put(SWAP_NAMES, 3.0);
        w.put(SWAP_DAY_MONTH, 3.0);
        w.put(DIGIT_ERROR, 7.0);
        w.put(MOVED, 5.0);
        if (profile == Profile.GENERIC) {
            w.put(DIACRITICS, 5.0);
            w.put(DATE_FORMAT, 6.0);
            w.put(PHONE_FORMAT, 8.0);
            w.put(EMAIL_CHANGE, 6.0);
            w.put(FULL_NAME_ONLY, 4.0);
        } else {
            w.put(DIACRITICS, 0.0);
            w.put(DATE_FORMAT, 0.0);
            w.put(PHONE_FORMAT, 0.0);
            w.put(EMAIL_CHANGE, 0.0);
            w.put(FULL_NAME_ONLY, 0.0);
        }
        return Collections.unmodifiableMap(w);
    }
}
