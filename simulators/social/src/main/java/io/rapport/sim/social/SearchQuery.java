package io.rapport.sim.social;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The practical subset of X's search query language that recent search and filtered stream rules share: keywords
 * (tokenized, ignoring case), {@code "quoted phrases"}, {@code OR}, negation with {@code -}, parentheses,
 * {@code @mention}, {@code #hashtag}, {@code from:}, {@code lang:}, {@code is:retweet}, {@code is:reply},
 * {@code is:quote}, {@code is:verified}, {@code has:links}, {@code has:mentions}, {@code has:hashtags} and
 * {@code conversation_id:}. As on X, terms side by side must all match and bind tighter than {@code OR}. The v1.1
 * spellings {@code filter:retweets}, {@code filter:replies}, {@code filter:links} and {@code filter:verified} are
 * accepted too, for the v1.1 search endpoint.
 */
final class SearchQuery {

    /** A query X would refuse; the message is what X says about it. */
    static final class InvalidQuery extends IllegalArgumentException {
        InvalidQuery(String message) {
            super(message);
        }
    }

    private interface Clause {
        boolean test(Post post, Tokens tokens);
    }

    /** The post's text as X tokenizes it: lower-case words split at punctuation, symbols and spaces. */
    private record Tokens(Set<String> words, String joined, String lowerText) {
        static Tokens of(Post post) {
            List<String> words = tokenize(post.text());
            return new Tokens(Set.copyOf(words), " " + String.join(" ", words) + " ",
                    post.text().toLowerCase(Locale.ROOT));
        }
    }

    private final String text;
    private final Clause root;

    private SearchQuery(String text, Clause root) {
        this.text = text;
        this.root = root;
    }

    static SearchQuery parse(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidQuery("The query must not be empty");
        }
        Parser parser = new Parser(lex(query));
        Clause clause = parser.expression();
        if (parser.position < parser.tokens.size()) {
            throw new InvalidQuery("There were errors processing your request: Unexpected '"
                    + parser.tokens.get(parser.position) + "' at position " + parser.position);
        }
        return new SearchQuery(query, clause);
    }

    boolean matches(Post post) {
        return root.test(post, Tokens.of(post));
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<String> tokenize(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_']+"))
                .map(word -> word.replace("'", ""))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    private static List<String> lex(String query) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '-' && i + 1 < query.length() && !Character.isWhitespace(query.charAt(i + 1))) {
                tokens.add("-");
                i++;
            } else if (c == '"') {
                int end = query.indexOf('"', i + 1);
                if (end < 0) {
                    throw new InvalidQuery("There were errors processing your request: Unbalanced quotes");
                }
                tokens.add(query.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = i;
                while (end < query.length() && !Character.isWhitespace(query.charAt(end))
                        && query.charAt(end) != '(' && query.charAt(end) != ')') {
                    end++;
                }
                tokens.add(query.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }

    private static final class Parser {
        final List<String> tokens;
        int position;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        Clause expression() {
            List<Clause> alternatives = new ArrayList<>();
            alternatives.add(conjunction());
            while (peek("OR")) {
                position++;
                alternatives.add(conjunction());
            }
            return alternatives.size() == 1 ? alternatives.get(0)
                    : (post, tokens) -> alternatives.stream().anyMatch(c -> c.test(post, tokens));
        }

        Clause conjunction() {
            List<Clause> all = new ArrayList<>();
            while (position < tokens.size() && !peek("OR") && !peek(")")) {
                all.add(unary());
            }
            if (all.isEmpty()) {
                throw new InvalidQuery("There were errors processing your request: Ambiguous use of OR or an empty group");
            }
            return all.size() == 1 ? all.get(0) : (post, tokens) -> all.stream().allMatch(c -> c.test(post, tokens));
        }

        Clause unary() {
            if (peek("-")) {
                position++;
                if (position >= tokens.size()) {
                    throw new InvalidQuery("There were errors processing your request: Negation of nothing");
                }
                Clause negated = unary();
                return (post, tokens) -> !negated.test(post, tokens);
            }
            if (peek("(")) {
                position++;
                Clause inner = expression();
                if (!peek(")")) {
                    throw new InvalidQuery("There were errors processing your request: Unbalanced parentheses");
                }
                position++;
                return inner;
            }
            if (peek(")")) {
                throw new InvalidQuery("There were errors processing your request: Unbalanced parentheses");
            }
            return term(tokens.get(position++));
        }

        private boolean peek(String token) {
            return position < tokens.size() && tokens.get(position).equals(token);
        }
    }

    private static Clause term(String token) {
        if (token.startsWith("\"")) {
            String phrase = " " + String.join(" ", tokenize(token.substring(1, token.length() - 1))) + " ";
            return (post, tokens) -> tokens.joined().contains(phrase);
        }
        if (token.startsWith("@") && token.length() > 1) {
            String username = token.substring(1);
            return (post, tokens) -> post.entities().mentions(username);
        }
        if (token.startsWith("#") && token.length() > 1) {
            String tag = token.substring(1);
            return (post, tokens) -> post.entities().hasHashtag(tag);
        }
        int colon = token.indexOf(':');
        if (colon > 0 && colon < token.length() - 1 && !token.startsWith("http")) {
            return operator(token.substring(0, colon).toLowerCase(Locale.ROOT), token.substring(colon + 1));
        }
        List<String> words = tokenize(token);
        if (words.isEmpty()) {
            String symbol = token.toLowerCase(Locale.ROOT);  // an emoji or emoticon: matched as written
            return (post, tokens) -> tokens.lowerText().contains(symbol);
        }
        String phrase = " " + String.join(" ", words) + " ";
        return words.size() == 1 ? (post, tokens) -> tokens.words().contains(words.get(0))
                : (post, tokens) -> tokens.joined().contains(phrase);
    }

    private static Clause operator(String name, String value) {
        return switch (name) {
            case "from" -> (post, tokens) -> post.author().username().equalsIgnoreCase(strip(value, "@"));
            case "lang" -> (post, tokens) -> post.lang().equalsIgnoreCase(value);
            case "conversation_id" -> (post, tokens) -> String.valueOf(post.conversationId()).equals(value);
            case "is", "filter" -> flag(name, value.toLowerCase(Locale.ROOT));
            case "has" -> has(value.toLowerCase(Locale.ROOT));
            default -> throw new InvalidQuery("There were errors processing your request: Reference to invalid"
                    + " operator '" + name + "'. Operator is not available in current product or product packaging."
                    + " Please refer to complete available operator list at"
                    + " https://developer.twitter.com/en/docs/twitter-api/enterprise/rules-and-filtering/operators-by-product.");
        };
    }

    private static Clause flag(String operator, String value) {
        String flag = switch (value) {
            case "retweets" -> "retweet";
            case "replies" -> "reply";
            case "quotes" -> "quote";
            case "links" -> "links";
            default -> value;
        };
        return switch (flag) {
            case "retweet" -> (post, tokens) -> post.isRetweet();
            case "reply" -> (post, tokens) -> post.isReply();
            case "quote" -> (post, tokens) -> post.isQuote();
            case "verified" -> (post, tokens) -> post.author().verified();
            case "links" -> has("links");
            default -> throw new InvalidQuery("There were errors processing your request: Reference to invalid"
                    + " operator '" + operator + ":" + value + "'");
        };
    }

    private static Clause has(String value) {
        return switch (value) {
            case "links" -> (post, tokens) -> !post.entities().urls().isEmpty();
            case "mentions" -> (post, tokens) -> !post.entities().mentions().isEmpty();
            case "hashtags" -> (post, tokens) -> !post.entities().hashtags().isEmpty();
            default -> throw new InvalidQuery("There were errors processing your request: Reference to invalid"
                    + " operator 'has:" + value + "'");
        };
    }

    private static String strip(String value, String prefix) {
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }
}
