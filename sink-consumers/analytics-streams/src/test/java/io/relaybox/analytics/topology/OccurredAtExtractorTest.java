package io.relaybox.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class OccurredAtExtractorTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static ConsumerRecord<Object, Object> record(long timestamp, String occurredAt) {
        RecordHeaders headers = new RecordHeaders();
        if (occurredAt != null) {
            headers.add("occurredat", occurredAt.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>("orders.events", 0, 0, timestamp, TimestampType.CREATE_TIME, 0, 0, "k", "v", headers, Optional.empty());
    }

    @Test
    void datesAnEventByTheTimeItOccurredInItsService() {
        Instant occurred = now.minusSeconds(3600);

        assertThat(new OccurredAtExtractor().extract(record(now.toEpochMilli(), occurred.toString()), 0)).isEqualTo(occurred.toEpochMilli());
        // an offset other than Z, and microseconds (PostgreSQL's precision): the milliseconds count
        String withOffset = occurred.plusNanos(456_000).atOffset(ZoneOffset.ofHours(1)).toString();
        assertThat(new OccurredAtExtractor().extract(record(now.toEpochMilli(), withOffset), 0)).isEqualTo(occurred.toEpochMilli());
    }

    @Test
    void fallsBackToTheRecordsTimeThenThePartitionsTime() {
        assertThat(new OccurredAtExtractor().extract(record(now.toEpochMilli(), "yesterday"), 7)).isEqualTo(now.toEpochMilli());
        assertThat(new OccurredAtExtractor().extract(record(now.toEpochMilli(), null), 7)).isEqualTo(now.toEpochMilli());
        assertThat(new OccurredAtExtractor().extract(record(-1, null), 7)).isEqualTo(7);
    }
}
