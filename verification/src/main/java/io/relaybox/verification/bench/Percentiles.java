package io.relaybox.verification.bench;

import java.util.Arrays;

/** Percentiles of a set of samples (nearest rank). */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(long[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    public long at(double percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public int count() {
        return sorted.length;
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%d p95=%d p99=%d max=%d", count(), at(50), at(95), at(99), at(100));
    }
}
