package io.relaybox.outbox;

import java.util.regex.Pattern;

/** Validates W3C {@code traceparent} values (version 00). */
final class Traceparents {

    private static final Pattern VERSION_00 = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_PARENT_ID = "0".repeat(16);

    private Traceparents() {
    }

    static boolean isValid(String traceparent) {
        return traceparent != null
                && VERSION_00.matcher(traceparent).matches()
                && !traceparent.substring(3, 35).equals(ZERO_TRACE_ID)
                && !traceparent.substring(36, 52).equals(ZERO_PARENT_ID);
    }
}
