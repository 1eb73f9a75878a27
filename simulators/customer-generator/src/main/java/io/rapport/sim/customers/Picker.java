package io.rapport.sim.customers;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Picks items by weight in O(log n): a cumulative weight table and a binary search. Immutable, so shared freely. */
final class Picker<T> {

    private final Object[] items;
    private final double[] cumulative;

    private Picker(Object[] items, double[] weights) {
        if (items.length == 0 || items.length != weights.length) {
            throw new IllegalArgumentException("a picker needs items with one weight each");
        }
        this.items = items;
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("weights must be zero or positive: " + weights[i]);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
    }

    static <T> Picker<T> weighted(List<T> items, double[] weights) {
        return new Picker<>(items.toArray(), weights.clone());
    }

    static <T> Picker<T> uniform(List<T> items) {
        double[] weights = new double[items.size()];
        Arrays.fill(weights, 1);
        return new Picker<>(items.toArray(), weights);
    }

    /** Rank-skewed: the item at rank r (0-based) weighs 1 / (r + 1)^exponent, so the first items are the common ones. */
    static <T> Picker<T> zipf(List<T> items, double exponent) {
        double[] weights = new double[items.size()];
        for (int r = 0; r < weights.length; r++) {
            weights[r] = 1.0 / StrictMath.pow(r + 1, exponent);
        }
        return new Picker<>(items.toArray(), weights);
    }

    @SuppressWarnings("unchecked")
    T pick(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        if (i < 0) {
            i = -i - 1;
        } else {
            i++;
        }
        if (i >= items.length) {
            i = items.length - 1;
        }
        // Skip zero-weight items a boundary hit may land on.
        while (i > 0 && cumulative[i] == cumulative[i - 1]) {
            i--;
        }
        return (T) items[i];
    }

    int size() {
        return items.length;
    }

    @SuppressWarnings("unchecked")
    T get(int index) {
        return (T) items[index];
    }
}
