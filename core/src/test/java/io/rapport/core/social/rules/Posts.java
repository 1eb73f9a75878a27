package io.rapport.core.social.rules;

import io.rapport.core.social.rules.SocialFacts.CustomerLink;
import io.rapport.core.social.rules.SocialFacts.CustomerLink.LinkMethod;
import java.time.Instant;
import java.util.List;

/** Facts of test posts: a neutral English post of a small prospect, changed one property at a time. */
final class Posts {

    static final CustomerLink KNOWN = CustomerLink.known("cust-42", 1.0, LinkMethod.DECLARED_HANDLE,
            "003000000000001AAA", "001000000000001AAA");

    private String key = "x:1";
    private String text = "hello";
    private String url = "https://x.com/jo/status/1";
    private String handle = "jo";
    private String displayName = "Jo Doe";
    private long followers = 120;
    private String country;
    private String language = "en";
    private String label = "neutral";
    private double score = 0;
    private String intent = "other";
    private int influence = 20;
    private int degree = 2;
    private List<String> hashtags = List.of();
    private boolean repost;
    private boolean duplicate;
    private CustomerLink customer = CustomerLink.prospect();

    static Posts post() {
        return new Posts();
    }

    Posts key(String value) {
        key = value;
        return this;
    }

    Posts text(String value) {
        text = value;
        return this;
    }

    Posts url(String value) {
        url = value;
        return this;
    }

    Posts handle(String value) {
        handle = value;
        return this;
    }

    Posts displayName(String value) {
        displayName = value;
        return this;
    }

    Posts followers(long value) {
        followers = value;
        return this;
    }

    Posts country(String value) {
        country = value;
        return this;
    }

    Posts language(String value) {
        language = value;
        return this;
    }

    Posts sentiment(String value, double valueScore) {
        label = value;
        score = valueScore;
        return this;
    }

    Posts intent(String value) {
        intent = value;
        return this;
    }

    Posts influence(int value) {
        influence = value;
        return this;
    }

    Posts degree(int value) {
        degree = value;
        return this;
    }

    Posts hashtags(String... values) {
        hashtags = List.of(values);
        return this;
    }

    Posts repost() {
        repost = true;
        return this;
    }

    Posts duplicate() {
        duplicate = true;
        return this;
    }

    Posts customer(CustomerLink value) {
        customer = value;
        return this;
    }

    Posts known() {
        return customer(KNOWN);
    }

    SocialFacts facts() {
        return new SocialFacts(
                new SocialFacts.Post(key, "x-acme", "x", url, Instant.parse("2026-03-02T10:15:30Z"), text, hashtags,
                        List.of("acme"), repost, duplicate),
                new SocialFacts.Author(handle, displayName, followers, false, country),
                new SocialFacts.Reading(language, label, score, intent, influence, degree),
                customer);
    }
}
