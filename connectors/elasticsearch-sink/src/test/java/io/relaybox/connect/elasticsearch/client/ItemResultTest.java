package io.relaybox.connect.elasticsearch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.relaybox.connect.elasticsearch.client.ItemResult.Outcome;

class ItemResultTest {

    private static final DocumentWrite EVENT = new DocumentWrite("events-orders.events", "e-1", OptionalLong.empty(), "{}".getBytes(StandardCharsets.UTF_8));
    private static final DocumentWrite ORDER = new DocumentWrite("orders", "o-1", OptionalLong.of(42), "{}".getBytes(StandardCharsets.UTF_8));

    @Test
    void countsAVersionConflictOfAnExternallyVersionedWriteAsSuccess() {
        ItemResult conflict = new ItemResult(409, "version_conflict_engine_exception", "current version [42] is higher or equal");

        assertThat(conflict.outcome(ORDER)).isEqualTo(Outcome.ACKNOWLEDGED);
        assertThat(conflict.outcome(EVENT)).isEqualTo(Outcome.PERMANENT);
    }

    @Test
    void retriesRejectionsAndServerErrors() {
        assertThat(new ItemResult(429, "es_rejected_execution_exception", "queue full").outcome(EVENT)).isEqualTo(Outcome.TRANSIENT);
        assertThat(new ItemResult(503, "unavailable_shards_exception", "primary shard is not active").outcome(EVENT)).isEqualTo(Outcome.TRANSIENT);
    }

    @Test
    void givesUpOnMappingErrors() {
        ItemResult mapping = new ItemResult(400, "document_parsing_exception", "failed to parse field [payload.total] of type [double]");

        assertThat(mapping.outcome(EVENT)).isEqualTo(Outcome.PERMANENT);
        assertThat(mapping.describe()).isEqualTo("HTTP 400 document_parsing_exception: failed to parse field [payload.total] of type [double]");
    }

    @Test
    void acknowledgesCreatedAndUpdatedDocuments() {
        assertThat(ItemResult.ok(201).outcome(EVENT)).isEqualTo(Outcome.ACKNOWLEDGED);
        assertThat(ItemResult.ok(200).outcome(ORDER)).isEqualTo(Outcome.ACKNOWLEDGED);
    }
}
