package io.rapport.app.social.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule file that cannot be used, with everything wrong in it (not just the first problem). */
public final class SocialRulesException extends IllegalStateException {

    private final transient List<RuleFileProblem> problems;

    public SocialRulesException(String file, List<RuleFileProblem> problems) {
        super(message(file, problems));
        this.problems = List.copyOf(problems);
    }

    public List<RuleFileProblem> problems() {
        return problems;
    }

    private static String message(String file, List<RuleFileProblem> problems) {
        return "invalid " + file + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):"
                + problems.stream().map(problem -> "\n  " + problem).collect(Collectors.joining());
    }
}
