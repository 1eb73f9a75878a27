package io.rapport.core.normalize;

/** Yes/no values as sources write them: true, yes, y, 1 and false, no, n, 0, in any case. */
final class BooleanFlag {

    static final String NOT_A_FLAG = "not a yes/no value (expected true/false, yes/no, y/n or 1/0)";

    private BooleanFlag() {
    }

    /** TRUE, FALSE, or null when the value is none of the accepted spellings. */
    static Boolean parse(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (Values.keyword(raw)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
