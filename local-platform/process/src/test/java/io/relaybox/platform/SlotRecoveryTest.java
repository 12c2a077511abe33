package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlotRecoveryTest {

    @Test
    void advisesTheRecoveryCommandForATaskThatFailedOnAnInvalidatedSlot() {
        String trace = "org.apache.kafka.connect.errors.ConnectException: An exception occurred in the change event producer."
                + " This connector will be stopped.\n\tat io.debezium.pipeline.ErrorHandler.setProducerThrowable(ErrorHandler.java:67)\n"
                + "Caused by: org.postgresql.util.PSQLException: ERROR: can no longer get changes from replication slot"
                + " \"relaybox_payment_outbox\"\n  Detail: This slot has been invalidated because it exceeded the maximum reserved size.";

        assertThat(SlotRecovery.diagnose("payment-outbox-source", trace)).hasValueSatisfying(advice -> assertThat(advice)
                .contains("relaybox_payment_outbox", "max_slot_wal_keep_size", "./platform recover-slot payment-outbox-source"));
    }

    @Test
    void advisesNothingForOtherFailures() {
        assertThat(SlotRecovery.diagnose("payment-outbox-source", "org.postgresql.util.PSQLException: Connection refused")).isEmpty();
        assertThat(SlotRecovery.diagnose("payment-outbox-source", null)).isEmpty();
    }
}
