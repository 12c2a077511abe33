package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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

    @Test
    void advisesTheRecoveryOfEachPostgresSourceWhoseSlotIsLost() {
        Map<String, Map<String, String>> configs = Map.of(
                "payment-outbox-source", source("payment", "relaybox_payment_outbox"),
                "orders-outbox-source", source("orders", "relaybox_orders_outbox"),
                "elasticsearch-sink", Map.of("connector.class", "io.relaybox.connect.elasticsearch.ElasticsearchSinkConnector"));
        List<ReplicationSlots.Slot> slots = List.of(
                new ReplicationSlots.Slot("relaybox_payment_outbox", "payment", false, "lost", 0),
                new ReplicationSlots.Slot("relaybox_orders_outbox", "orders", true, "reserved", 4096),
                new ReplicationSlots.Slot("standby", "", false, "lost", 0));

        assertThat(SlotRecovery.lostSlots(configs, slots)).containsOnlyKeys("payment-outbox-source")
                .hasEntrySatisfying("payment-outbox-source", advice -> assertThat(advice).contains("relaybox_payment_outbox",
                        "./platform recover-slot payment-outbox-source"));
        assertThat(SlotRecovery.lostSlots(configs, List.of(slots.get(1)))).isEmpty();
    }

    private static Map<String, String> source(String database, String slot) {
        return Map.of("connector.class", "io.debezium.connector.postgresql.PostgresConnector", "database.dbname", database, "slot.name", slot);
    }
}
