package io.relaybox.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event as written into the outbox table: one row, and after CDC one Kafka record.
 *
 * @param id the event id (column {@code id}, Kafka header {@code id}): time-ordered, the deduplication key
 * @param aggregateType column {@code aggregatetype}: routes to the topic {@code <aggregateType>.events}
 * @param aggregateId column {@code aggregateid}: the Kafka record key
 * @param type column {@code type}: the event type, a Kafka header
 * @param payload column {@code payload}: the event body as the JSON text that was written (PostgreSQL stores it as
 *        {@code jsonb}, so what a consumer reads is the same JSON, possibly with other spacing and key order)
 * @param schemaVersion column {@code schemaversion}: a Kafka header
 * @param occurredAt column {@code occurredat}, microsecond precision: a Kafka header
 * @param traceparent column {@code traceparent}: the W3C trace context, or {@code null} when none was active
 * @param headers column {@code headers}: the extra headers, never null, possibly empty ({@code NULL} in the table)
 */
public record OutboxEvent(UUID id, String aggregateType, String aggregateId, String type, String payload,
        int schemaVersion, Instant occurredAt, String traceparent, Map<String, String> headers) {
}
