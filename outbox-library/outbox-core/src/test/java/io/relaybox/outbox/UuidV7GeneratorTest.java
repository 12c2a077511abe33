package io.relaybox.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class UuidV7GeneratorTest {

    /** Byte order, as PostgreSQL and RFC 9562 compare UUIDs (UUID.compareTo compares signed longs). */
    static final Comparator<UUID> UNSIGNED = Comparator.<UUID>comparingLong(id -> id.getMostSignificantBits() ^ Long.MIN_VALUE)
            .thenComparingLong(id -> id.getLeastSignificantBits() ^ Long.MIN_VALUE);

    @Test
    void writesVersionSevenVariantAndTheClockMilliseconds() {
        Instant now = Instant.parse("2026-11-25T10:15:30.123Z");
        UUID id = new UuidV7Generator(Clock.fixed(now, ZoneOffset.UTC)).nextId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
        assertThat(id.toString()).startsWith("01a21234-0a4b-7");
    }

    @Test
    void increasesWithinTheSameMillisecond() {
        EventIdGenerator generator = new UuidV7Generator(Clock.fixed(Instant.EPOCH.plusSeconds(1_000_000), ZoneOffset.UTC));

        List<UUID> ids = generate(generator, 10_000);

        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo(UNSIGNED);
    }

    @Test
    void keepsIncreasingWhenTheClockStepsBack() {
        AtomicLong millis = new AtomicLong(1_800_000_000_000L);
        Clock steppingBack = new Clock() {
            @Override
            public long millis() {
                return millis.getAndAdd(-7);
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis());
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };

        List<UUID> ids = generate(new UuidV7Generator(steppingBack), 1_000);

        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo(UNSIGNED);
        assertThat(ids.get(ids.size() - 1).getMostSignificantBits() >>> 16).isEqualTo(1_800_000_000_000L);
    }

    @Test
    void staysUniqueAndOrderedPerThreadAcrossThreads() throws Exception {
        EventIdGenerator generator = EventIdGenerator.timeOrdered();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<UUID>>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> generate(generator, 25_000));
            }
            Set<UUID> all = new HashSet<>();
            for (Future<List<UUID>> result : threads.invokeAll(tasks)) {
                List<UUID> ids = result.get();
                assertThat(ids).isSortedAccordingTo(UNSIGNED);
                all.addAll(ids);
            }
            assertThat(all).hasSize(100_000);
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<UUID> generate(EventIdGenerator generator, int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(generator.nextId());
        }
        return ids;
    }
}
