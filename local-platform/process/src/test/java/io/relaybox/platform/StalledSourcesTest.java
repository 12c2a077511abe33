package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class StalledSourcesTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private final Instant start = Instant.now();
    private final StalledSources stalled = new StalledSources(PATIENCE);

    @Test
    void namesARunningTaskWhoseSlotStayedIdleLongerThanThePatience() {
        List<StalledSources.Source> inventoryIdle = List.of(new StalledSources.Source("inventory-outbox-source", true, false),
                new StalledSources.Source("orders-outbox-source", true, true));

        assertThat(stalled.look(true, start, inventoryIdle, start)).isEmpty();
        assertThat(stalled.look(true, start, inventoryIdle, start.plus(PATIENCE))).as("not longer than the patience yet").isEmpty();
        assertThat(stalled.look(true, start, inventoryIdle, start.plus(PATIENCE).plusSeconds(1))).containsExactly("inventory-outbox-source");
    }

    @Test
    void aSlotReadAgainStartsTheCountAfresh() {
        stalled.look(true, start, List.of(idle("payment-outbox-source")), start);
        stalled.look(true, start, List.of(new StalledSources.Source("payment-outbox-source", true, true)), start.plusSeconds(60));

        assertThat(stalled.look(true, start, List.of(idle("payment-outbox-source")), start.plus(PATIENCE).plusSeconds(1))).isEmpty();
        assertThat(stalled.look(true, start, List.of(idle("payment-outbox-source")), start.plus(PATIENCE.multipliedBy(2)).plusSeconds(2)))
                .containsExactly("payment-outbox-source");
    }

    @Test
    void waitsWhileAServerIsDownAndCountsOnlyFromWhenBothRunAgain() {
        stalled.look(true, start, List.of(idle("orders-outbox-source")), start);
        assertThat(stalled.look(false, start, List.of(idle("orders-outbox-source")), start.plusSeconds(30))).isEmpty();
        Instant postgresBack = start.plusSeconds(90);
        Instant firstLookAfter = postgresBack.plusSeconds(5);

        assertThat(stalled.look(true, postgresBack, List.of(idle("orders-outbox-source")), firstLookAfter)).isEmpty();
        assertThat(stalled.look(true, postgresBack, List.of(idle("orders-outbox-source")), start.plus(PATIENCE).plusSeconds(1)))
                .as("idle since the start, but not counted while PostgreSQL was down").isEmpty();
        assertThat(stalled.look(true, postgresBack, List.of(idle("orders-outbox-source")), firstLookAfter.plus(PATIENCE).plusSeconds(1)))
                .containsExactly("orders-outbox-source");
    }

    @Test
    void aServerRestartedBetweenTwoLooksRestartsTheCount() {
        stalled.look(true, start, List.of(idle("orders-outbox-source")), start);
        Instant connectBack = start.plusSeconds(100);

        assertThat(stalled.look(true, connectBack, List.of(idle("orders-outbox-source")), start.plus(PATIENCE).plusSeconds(1))).isEmpty();
        assertThat(stalled.look(true, connectBack, List.of(idle("orders-outbox-source")), connectBack.plus(PATIENCE).plusSeconds(1)))
                .containsExactly("orders-outbox-source");
    }

    @Test
    void leavesAloneATaskThatDoesNotRunAndOneRestarted() {
        List<StalledSources.Source> failed = List.of(new StalledSources.Source("orders-outbox-source", false, false));
        stalled.look(true, start, failed, start);
        assertThat(stalled.look(true, start, failed, start.plus(PATIENCE).plusSeconds(1))).as("FAILED or UNASSIGNED is not a stall").isEmpty();

        stalled.look(true, start, List.of(idle("inventory-outbox-source")), start);
        stalled.forget("inventory-outbox-source");
        assertThat(stalled.look(true, start, List.of(idle("inventory-outbox-source")), start.plus(PATIENCE).plusSeconds(1))).isEmpty();
    }

    private static StalledSources.Source idle(String connector) {
        return new StalledSources.Source(connector, true, false);
    }
}
