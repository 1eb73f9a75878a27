package io.rapport.sim.customers;

import java.util.SplittableRandom;

/** How many duplicates a duplicated entity gets, between 1 and the maximum (the distributions FEBRL offers). */
public enum DuplicateDistribution {
    /** Every count from 1 to the maximum equally likely. */
    UNIFORM,
    /** 1 + a Poisson count with mean (max - 1) / 2, capped at the maximum. */
    POISSON,
    /** Count k with probability proportional to 1/k: mostly one duplicate, a few with many. */
    ZIPF;

    int draw(int max, SplittableRandom r) {
        if (max <= 1) {
            return 1;
        }
        return switch (this) {
            case UNIFORM -> 1 + r.nextInt(max);
            case POISSON -> {
                double limit = StrictMath.exp(-(max - 1) / 2.0);
                double product = r.nextDouble();
                int k = 0;
                while (product > limit) {
                    product *= r.nextDouble();
                    k++;
                }
                yield Math.min(max, 1 + k);
            }
            case ZIPF -> {
                double harmonic = 0;
                for (int k = 1; k <= max; k++) {
                    harmonic += 1.0 / k;
                }
                double u = r.nextDouble() * harmonic;
                int k = 1;
                double sum = 1;
                while (sum < u && k < max) {
                    k++;
                    sum += 1.0 / k;
                }
                yield k;
            }
        };
    }
}
