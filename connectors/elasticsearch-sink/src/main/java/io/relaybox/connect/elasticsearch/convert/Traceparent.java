package io.relaybox.connect.elasticsearch.convert;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids of a W3C {@code traceparent} ({@code <version>-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}), which
 * become the event document's ECS fields {@code trace.id} and {@code span.id}.
 *
 * @param traceId the trace id, 32 lower-case hex digits, not all zero
 * @param spanId the id of the span that wrote the event, 16 lower-case hex digits, not all zero
 */
record Traceparent(String traceId, String spanId) {

    // version ff is invalid; a later version may append fields after the flags
    private static final Pattern FORMAT = Pattern
            .compile("(?!ff)([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-.*)?");

    /**
     * Reads a traceparent header.
     *
     * @param header the header's text, or null
     * @return its ids, or empty when the header is missing or not a valid traceparent (the event is still indexed)
     */
    static Optional<Traceparent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(header.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || ("00".equals(matcher.group(1)) && matcher.group(4) != null)) {
            return Optional.empty();
        }
        String traceId = matcher.group(2);
        String spanId = matcher.group(3);
        if (traceId.chars().allMatch(c -> c == '0') || spanId.chars().allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        return Optional.of(new Traceparent(traceId, spanId));
    }
}
