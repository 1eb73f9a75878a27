package io.rapport.sim.social;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a brand conversation post by post, deterministically for a {@link Scenario}'s seed: original posts of each
 * kind and language in the configured mix, and, in the configured shares, duplicates (the same author posting the
 * same words again), retweets, replies (from peers who agree, or from the brand's customer service answering a
 * complaint or question) and quotes of earlier posts, so that threads form. Every post carries its {@link Label}.
 */
final class ScenarioGenerator {

    /** How many recent original posts replies, quotes, retweets and duplicates pick their parent from. */
    private static final int RECENT = 200;

    private final Scenario scenario;
    private final Random random;
    private final Author brand;
    private final Phrasebook phrasebook;
    private final AuthorPool authors;
    private final AuthorPool.Weighted<Kind> kinds;
    private final AuthorPool.Weighted<String> languages;
    private final List<Post> originals = new ArrayList<>();

    ScenarioGenerator(Scenario scenario, Author brand) {
        this.scenario = scenario;
        this.random = new Random(scenario.seed());
        this.brand = brand;
        this.phrasebook = new Phrasebook(brand.username().toLowerCase(Locale.ROOT));
        this.authors = new AuthorPool(scenario, random, brand.username());
        this.kinds = new AuthorPool.Weighted<>(scenario.kindMix());
        this.languages = new AuthorPool.Weighted<>(scenario.languageMix());
    }

    List<Author> authors() {
        return authors.all();
    }

    /**
     * Appends {@code count} posts to the timeline, spread from {@code start} to {@code end} with exponential gaps
     * (arrivals at random, as on X), and returns them.
     */
    List<Post> generate(int count, Instant start, Instant end, Timeline timeline) {
        double[] gaps = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            gaps[i] = -Math.log(1 - random.nextDouble());
            total += gaps[i];
        }
        long span = Math.max(0, end.toEpochMilli() - start.toEpochMilli());
        List<Post> posts = new ArrayList<>(count);
        double elapsed = 0;
        for (int i = 0; i < count; i++) {
            elapsed += gaps[i];
            Instant at = start.plusMillis((long) (span * elapsed / total));
            Post post = timeline.append(next(at));
            posts.add(post);
            if (post.reference() == null && !post.truth().map(Label::isDuplicate).orElse(false)) {
                originals.add(post);
            }
        }
        return posts;
    }

    private NewPost next(Instant at) {
        double r = random.nextDouble();
        if (!originals.isEmpty()) {
            double threshold = scenario.duplicateRate();
            if (r < threshold) {
                return duplicate(at);
            }
            threshold += scenario.retweetRate();
            if (r < threshold) {
                return retweet(at);
            }
            threshold += scenario.replyRate();
            if (r < threshold) {
                return reply(at);
            }
            threshold += scenario.quoteRate();
            if (r < threshold) {
                return quote(at);
            }
        }
        return original(at);
    }

    private NewPost original(Instant at) {
        Kind kind = kinds.pick(random);
        String lang = languages.pick(random);
        Author author = authors.pick(lang, kind == Kind.SPAM);
        String postLang = kind == Kind.SPAM ? lang : author.lang();
        return NewPost.by(author.username()).text(phrasebook.original(kind, postLang, random)).lang(postLang)
                .at(at).metrics(metrics(author)).label(Label.of(kind, postLang));
    }

    private NewPost duplicate(Instant at) {
        Post original = recent(false);
        return NewPost.by(original.author().username()).text(original.text()).lang(original.lang()).at(at)
                .metrics(metrics(original.author())).label(original.label().duplicateOf(original.id()));
    }

    private NewPost retweet(Instant at) {
        Post original = recent(false);
        Author author = authors.pick(original.lang(), original.label().kind() == Kind.SPAM);
        return NewPost.by(author.username()).retweetOf(original.id()).at(at).label(original.label());
    }

    private NewPost reply(Instant at) {
        Post parent = recent(true);
        Kind parentKind = parent.label().kind();
        if ((parentKind == Kind.COMPLAINT || parentKind == Kind.QUESTION) && random.nextDouble() < 0.4) {
            return NewPost.by(brand.username()).replyTo(parent.id()).text(phrasebook.brandAnswer(parent.lang()))
                    .lang(parent.lang()).at(at).label(Label.of(Kind.CHATTER, parent.lang()));
        }
        Author author = authors.pick(parent.lang(), false);
        Label label = response(parent);
        return NewPost.by(author.username()).replyTo(parent.id())
                .text(phrasebook.response(label.sentiment(), parent.lang(), random)).lang(parent.lang()).at(at)
                .metrics(metrics(author)).label(label);
    }

    private NewPost quote(Instant at) {
        Post parent = recent(true);
        Author author = authors.pick(parent.lang(), false);
        Label label = response(parent);
        return NewPost.by(author.username()).quote(parent.id())
                .text(phrasebook.response(label.sentiment(), parent.lang(), random)).lang(parent.lang()).at(at)
                .metrics(metrics(author)).label(label);
    }

    /** Agreeing with a praise or a complaint is one too; anything else answered is chatter. */
    private static Label response(Post parent) {
        Kind kind = switch (parent.label().kind()) {
            case PRAISE -> Kind.PRAISE;
            case COMPLAINT -> Kind.COMPLAINT;
            default -> Kind.CHATTER;
        };
        return Label.of(kind, parent.lang());
    }

    private Post recent(boolean noSpam) {
        int from = Math.max(0, originals.size() - RECENT);
        for (int attempt = 0; attempt < 10; attempt++) {
            Post candidate = originals.get(from + random.nextInt(originals.size() - from));
            if (!noSpam || candidate.label().kind() != Kind.SPAM) {
                return candidate;
            }
        }
        return originals.get(originals.size() - 1);
    }

    /** Likes grow with the author's reach; most posts get a handful, an influencer's get hundreds. */
    private Post.Metrics metrics(Author author) {
        double reach = Math.log10(author.followers() + 10);
        int likes = (int) (Math.pow(10, reach * 0.6 * random.nextDouble()) - 1);
        return new Post.Metrics(0, 0, Math.max(0, likes), 0);
    }
}
