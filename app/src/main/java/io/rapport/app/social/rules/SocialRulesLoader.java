package io.rapport.app.social.rules;

import io.rapport.core.social.rules.SocialRuleSet;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads social rules from YAML (config/social-rules.yaml, or a rule set posted for a dry run) into a
 * {@link SocialRuleSet}. Works on SnakeYAML's node tree rather than binding to classes, so every problem is reported
 * with its line and column, and all of a file's problems are reported at once. Stateless and thread-safe.
 */
public final class SocialRulesLoader {

    /** The rule set in the file; {@link SocialRulesException} with every problem when it has any. */
    public SocialRuleSet load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SocialRulesException(file.toString(), List.of(new RuleFileProblem(file.toString(), 1, 1,
                    "cannot read the file: " + e)));
        }
        return parse(file.toString(), text);
    }

    /**
     * The rule set written in the text.
     *
     * @param name what to call the text in problems (a file name, or e.g. {@code posted rules})
     */
    public SocialRuleSet parse(String name, String text) {
        YamlNodes yaml = new YamlNodes(name, text);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported with both lines by YamlNodes, not as a parser failure
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new SocialRulesException(name, List.of(new RuleFileProblem(name,
                    mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "not valid YAML: " + problem + context)));
        } catch (YAMLException e) {
            throw new SocialRulesException(name, List.of(new RuleFileProblem(name, 1, 1,
                    "not valid YAML: " + e.getMessage())));
        }
        SocialRuleSet rules = new SocialRulesParser(yaml).parse(root);
        if (rules == null || yaml.problemCount() > 0) {
            throw new SocialRulesException(name, yaml.problems());
        }
        return rules;
    }
}
