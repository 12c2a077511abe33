package io.relaybox.problem;

import java.util.Optional;

/**
 * Whether a text a client sent can be stored as it is. JSON may carry what a database cannot keep or keeps changed:
 * PostgreSQL refuses the NUL character ({@code \u0000}) outright (a 500 if nobody checked), and an unpaired UTF-16
 * surrogate ({@code "\ud800"}) has no UTF-8 form, so the driver would store {@code ?} instead. Other control characters
 * (but tab, line feed and carriage return) have no place in identifiers and texts either.
 */
public final class StorableText {

    /** The message of a {@link FieldViolation} for such text. */
    public static final String MESSAGE = "must not contain control characters or unpaired surrogates";

    private StorableText() {
    }

    /** {@link #MESSAGE} when the text holds a character that cannot be stored as sent; empty when it can (or is null). */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || isControl(c)) {
                return Optional.of(MESSAGE);
            }
        }
        return Optional.empty();
    }

    private static boolean isControl(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }
}
