package io.relaybox.outbox.inbox;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import io.relaybox.outbox.OutboxPayloadTooLargeException;
import tools.jackson.core.JacksonException;

/** {@link FailureClassifier#defaults()}: permanent for failures the event causes, transient for everything else. */
final class DefaultFailureClassifier implements FailureClassifier {

    static final DefaultFailureClassifier INSTANCE = new DefaultFailureClassifier();

    private DefaultFailureClassifier() {
    }

    @Override
    public FailureType classify(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            if (current instanceof PermanentEventFailure || current instanceof JacksonException
                    || current instanceof OutboxPayloadTooLargeException) {
                return FailureType.PERMANENT;
            }
            if (current instanceof SQLException sql) {
                return isDataError(sql.getSQLState()) ? FailureType.PERMANENT : FailureType.TRANSIENT;
            }
        }
        return FailureType.TRANSIENT;
    }

    /** SQLState classes 22 (data exception) and 23 (integrity constraint violation). */
    private static boolean isDataError(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"));
    }
}
