package io.relaybox.verification.audit;

import java.util.List;

/**
 * What the analytics application counted of a run's orders against what the databases hold of them.
 *
 * @param placedCounted orders it counted as placed since the run began
 * @param differences each figure that differs, in words; empty when all equal
 */
public record AnalyticsCheck(long placedCounted, List<String> differences) {

    public AnalyticsCheck {
        differences = List.copyOf(differences);
    }
}
