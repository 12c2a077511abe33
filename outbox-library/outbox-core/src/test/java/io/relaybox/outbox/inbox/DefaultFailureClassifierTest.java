package io.relaybox.outbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import io.relaybox.outbox.OutboxPayloadTooLargeException;
import io.relaybox.outbox.TransactionFailedException;
import tools.jackson.databind.json.JsonMapper;

class DefaultFailureClassifierTest {

    private final FailureClassifier classifier = FailureClassifier.defaults();

    @Test
    void treatsAPermanentEventFailureAsPermanent() {
        assertThat(classifier.classify(new PermanentEventFailure("quantity must be positive")))
                .isEqualTo(FailureType.PERMANENT);
        assertThat(classifier.classify(new UnknownEventTypeException("no handler"))).isEqualTo(FailureType.PERMANENT);
    }

    @Test
    void findsAPermanentFailureWrappedByTheTransaction() {
        Exception wrapped = new TransactionFailedException("the transaction's work failed",
                new PermanentEventFailure("bad"));

        assertThat(classifier.classify(wrapped)).isEqualTo(FailureType.PERMANENT);
    }

    @Test
    void treatsAPayloadJacksonCannotReadAsPermanent() {
        Exception parseError = org.assertj.core.api.Assertions.catchException(
                () -> JsonMapper.shared().readTree("{not json"));

        assertThat(classifier.classify(parseError)).isEqualTo(FailureType.PERMANENT);
    }

    @Test
    void treatsAnOversizedOutgoingEventAsPermanent() {
        assertThat(classifier.classify(new OutboxPayloadTooLargeException("orders", "o-1", "OrderPlaced", 2000, 1000)))
                .isEqualTo(FailureType.PERMANENT);
    }

    @Test
    void treatsDataAndIntegrityErrorsAsPermanent() {
        assertThat(classifier.classify(new SQLException("value too long", "22001"))).isEqualTo(FailureType.PERMANENT);
        assertThat(classifier.classify(new SQLException("check violation", "23514"))).isEqualTo(FailureType.PERMANENT);
    }

    @Test
    void treatsConnectionSerializationDeadlockAndShutdownErrorsAsTransient() {
        for (String state : new String[] { "08001", "08006", "40001", "40P01", "53300", "55P03", "57014", "57P01" }) {
            assertThat(classifier.classify(new TransactionFailedException("commit failed", new SQLException("x", state))))
                    .as(state).isEqualTo(FailureType.TRANSIENT);
        }
        assertThat(classifier.classify(new SQLTransientConnectionException("pool exhausted")))
                .isEqualTo(FailureType.TRANSIENT);
    }

    @Test
    void treatsUnexpectedExceptionsAsTransientSoThatNothingIsSkipped() {
        assertThat(classifier.classify(new NullPointerException())).isEqualTo(FailureType.TRANSIENT);
        assertThat(classifier.classify(new UncheckedIOException(new SocketTimeoutException("read timed out"))))
                .isEqualTo(FailureType.TRANSIENT);
    }

    @Test
    void stopsAtACauseCycle() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(classifier.classify(first)).isEqualTo(FailureType.TRANSIENT);
    }
}
