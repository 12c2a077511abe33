package io.relaybox.connect.s3archive.rotation;

import java.util.List;

/** All rotation rules together: an object ends when any rule says so. */
public final class RotationPolicy {

    private final List<RotationRule> rules;

    public RotationPolicy(List<RotationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Count, bytes and record-time interval (0 = none) as configured, plus the date rule. */
    public static RotationPolicy of(long maxRecords, long maxBytes, long intervalMs) {
        return new RotationPolicy(List.of(RotationRule.maxRecords(maxRecords), RotationRule.maxBytes(maxBytes),
                RotationRule.recordTimeInterval(intervalMs), RotationRule.sameDate()));
    }

    public boolean startsNewObject(ObjectStats open, long recordTime) {
        return rules.stream().anyMatch(r -> r.startsNewObject(open, recordTime));
    }

    public boolean isFull(ObjectStats open) {
        return rules.stream().anyMatch(r -> r.isFull(open));
    }
}
