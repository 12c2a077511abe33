package io.relaybox.outbox.kafka.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.relaybox.outbox.kafka.deadletter.DeadLetter;

/**
 * Which dead letters a command acts on: all, by position ({@code N} or {@code partition:N}), by event id or by key;
 * optionally only those of one consumer. The result is in topic order, so each aggregate's events keep their order.
 */
record Selection(boolean all, List<String> positions, List<String> eventIds, List<String> keys, String consumer) {

    Selection {
        positions = positions == null ? List.of() : List.copyOf(positions);
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    static Selection everything(String consumer) {
        return new Selection(true, null, null, null, consumer);
    }

    /**
     * @throws IllegalArgumentException when a position or event id names no dead letter, or a bare offset is ambiguous
     */
    List<DeadLetter> apply(List<DeadLetter> letters) {
        List<DeadLetter> candidates = letters.stream()
                .filter(letter -> consumer == null || consumer.equals(letter.consumer()))
                .sorted(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset))
                .toList();
        if (all) {
            return candidates;
        }
        List<DeadLetter> chosen = new ArrayList<>();
        for (String position : positions) {
            chosen.add(at(candidates, position));
        }
        for (String eventId : eventIds) {
            chosen.add(latest(candidates, eventId));
        }
        candidates.stream().filter(letter -> keys.contains(letter.key())).forEach(chosen::add);
        Map<String, DeadLetter> distinct = new LinkedHashMap<>();
        chosen.stream().sorted(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset))
                .forEach(letter -> distinct.putIfAbsent(letter.position(), letter));
        return List.copyOf(distinct.values());
    }

    private static DeadLetter at(List<DeadLetter> candidates, String position) {
        String text = position.trim();
        int colon = text.indexOf(':');
        Integer partition;
        long offset;
        try {
            partition = colon < 0 ? null : Integer.valueOf(text.substring(0, colon));
            offset = Long.parseLong(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an offset (N or partition:N): " + position);
        }
        List<DeadLetter> matches = candidates.stream().filter(letter -> letter.offset() == offset
                && (partition == null || letter.partition() == partition)).toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no dead letter at offset " + position);
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("offset " + offset + " exists in partitions "
                    + matches.stream().map(letter -> Integer.toString(letter.partition())).toList()
                    + ": say which, e.g. --offset " + matches.get(0).position());
        }
        return matches.get(0);
    }

    /** The last dead letter of an event: a re-driven event that failed again is in the topic more than once. */
    private static DeadLetter latest(List<DeadLetter> candidates, String eventId) {
        DeadLetter found = null;
        for (DeadLetter letter : candidates) {
            if (Objects.equals(eventId, letter.eventId())) {
                found = letter;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no dead letter with event id " + eventId);
        }
        return found;
    }
}
