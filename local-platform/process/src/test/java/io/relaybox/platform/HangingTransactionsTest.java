package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.relaybox.platform.HangingTransactions.Ongoing;
import io.relaybox.platform.HangingTransactions.Open;

class HangingTransactionsTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

    private final HangingTransactions transactions = new HangingTransactions(PATIENCE);

    @Test
    void namesATransactionSeenOpenAndUnknownToItsCoordinatorForLongerThanThePatience() {
        Open hanging = open("relaybox-connect-offsets", 0, 1, 3832);
        assertThat(transactions.look(List.of(hanging), List.of(), START)).isEmpty();
        assertThat(transactions.look(List.of(hanging), List.of(), START.plus(PATIENCE))).isEmpty();

        assertThat(transactions.look(List.of(hanging), List.of(), START.plus(PATIENCE).plusSeconds(1))).containsExactly(hanging);
    }

    @Test
    void leavesATransactionAloneThatEndedMeanwhileEvenWhenTheSameProducerOpensAnotherOnThePartition() {
        transactions.look(List.of(open("orders.events", 3, 1, 100)), List.of(), START);

        assertThat(transactions.look(List.of(open("orders.events", 3, 1, 180)), List.of(), START.plus(PATIENCE).plusSeconds(1))).isEmpty();
    }

    @Test
    void startsOverWhenTheCoordinatorCallsTheTransactionOngoingOnThatPartition() {
        Open slow = open("orders.events", 3, 7, 100);
        transactions.look(List.of(slow), List.of(), START);
        transactions.look(List.of(slow), List.of(new Ongoing(7, Set.of("orders.events-3"))), START.plusSeconds(30));

        assertThat(transactions.look(List.of(slow), List.of(), START.plus(PATIENCE).plusSeconds(1))).isEmpty();
    }

    @Test
    void countsAPartitionTheCoordinatorLeavesOutOfTheProducersTransactionAsUnknown() {
        Open unknownPartition = open("relaybox-connect-offsets", 0, 7, 3832);
        List<Ongoing> ongoing = List.of(new Ongoing(7, Set.of("orders.events-3")), new Ongoing(8, Set.of("relaybox-connect-offsets-0")));
        transactions.look(List.of(unknownPartition), ongoing, START);

        assertThat(transactions.look(List.of(unknownPartition), ongoing, START.plus(PATIENCE).plusSeconds(1))).containsExactly(unknownPartition);
    }

    @Test
    void waitsThePatienceAgainForATransactionItWasToldWasAborted() {
        Open hanging = open("relaybox-connect-offsets", 0, 1, 3832);
        transactions.look(List.of(hanging), List.of(), START);
        transactions.forget(hanging);

        assertThat(transactions.look(List.of(hanging), List.of(), START.plus(PATIENCE).plusSeconds(1))).isEmpty();
    }

    private static Open open(String topic, int partition, long producerId, long startOffset) {
        return new Open(topic, partition, producerId, 839, 0, startOffset);
    }
}
