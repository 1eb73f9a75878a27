package io.rapport.app.social.rules;

/**
 * One thing wrong in a rule file, where an editor can jump to it.
 *
 * @param file    the file's name as given to the loader
 * @param line    1-based
 * @param column  1-based
 * @param message what is wrong and, where it can tell, what was meant
 */
public record RuleFileProblem(String file, int line, int column, String message) implements
        Comparable<RuleFileProblem> {

    @Override
    public int compareTo(RuleFileProblem other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    /** {@code file:line:column: message}, as compilers write it. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
