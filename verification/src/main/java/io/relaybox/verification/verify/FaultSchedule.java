package io.relaybox.verification.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of a verification run and when they fire: a pure function of the seed, the load's duration, the kinds and
 * the count, so a run can be repeated. Every kind fires at least once (the rest are drawn from the kinds); the faults
 * are spread over the middle 80 % of the load (the first 10 % warms up, the last 10 % lets the last fault show), one
 * in each equal slot, at a seeded moment in the first half of its slot.
 *
 * @param seed the seed it was made from
 * @param faults in firing order
 */
public record FaultSchedule(long seed, List<ScheduledFault> faults) {

    public FaultSchedule {
        faults = List.copyOf(faults);
    }

    /**
     * @throws IllegalArgumentException when there are no kinds, fewer faults than kinds, or no time to fire them in
     */
    public static FaultSchedule of(long seed, Duration duration, List<FaultKind> kinds, int count) {
        List<FaultKind> distinct = kinds.stream().distinct().sorted().toList();
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("no fault kinds chosen");
        }
        if (count < distinct.size()) {
            throw new IllegalArgumentException("a fault count of " + count + " is less than the " + distinct.size()
                    + " fault kinds chosen: every kind fires at least once");
        }
        long window = duration.toMillis() * 8 / 10;
        if (window < count) {
            throw new IllegalArgumentException("a load of " + duration.toSeconds() + " s is too short for " + count + " faults");
        }
        Random random = new Random(seed);
        List<FaultKind> order = new ArrayList<>(distinct);
        while (order.size() < count) {
            order.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(order, random);
        long warmUp = duration.toMillis() / 10;
        long slot = window / count;
        List<ScheduledFault> faults = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long at = warmUp + slot * i + random.nextLong(Math.max(1, slot / 2));
            faults.add(new ScheduledFault(Duration.ofMillis(at), order.get(i)));
        }
        return new FaultSchedule(seed, faults);
    }
}
