package io.relaybox.outbox;

/** What the outbox does with a payload its {@link PayloadValidator} finds invalid ({@code outbox.validation}). */
public enum PayloadValidation {

    /** Refuse it: {@link InvalidEventPayloadException}, inside the business transaction, so nothing is committed. */
    STRICT,
    /** Write it and log a warning with the violations. */
    WARN,
    /** Do not validate. */
    OFF
}
