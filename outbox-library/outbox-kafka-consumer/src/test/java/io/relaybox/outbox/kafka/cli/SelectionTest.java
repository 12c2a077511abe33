package io.relaybox.outbox.kafka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.relaybox.outbox.kafka.DeadLetterHeaders;
import io.relaybox.outbox.kafka.deadletter.DeadLetter;

class SelectionTest {

    private final List<DeadLetter> letters = List.of(
            letter(1, 0, "o-2", "e-4", "payment"),
            letter(0, 0, "o-1", "e-1", "inventory"),
            letter(0, 1, "o-1", "e-2", "inventory"),
            letter(1, 1, "o-3", "e-5", "inventory"),
            letter(0, 2, "o-1", "e-1", "inventory"));

    @Test
    void choosesEverythingInTopicOrder() {
        assertThat(Selection.everything(null).apply(letters)).extracting(DeadLetter::position)
                .containsExactly("0:0", "0:1", "0:2", "1:0", "1:1");
    }

    @Test
    void choosesOnlyOneConsumersDeadLetters() {
        assertThat(Selection.everything("payment").apply(letters)).extracting(DeadLetter::position)
                .containsExactly("1:0");
    }

    @Test
    void choosesAnAggregatesDeadLettersInTheirOrder() {
        assertThat(new Selection(false, null, null, List.of("o-1"), null).apply(letters))
                .extracting(DeadLetter::position).containsExactly("0:0", "0:1", "0:2");
    }

    @Test
    void choosesByPositionInTopicOrderWhateverTheArgumentOrder() {
        assertThat(new Selection(false, List.of("1:1", "0:1"), null, null, null).apply(letters))
                .extracting(DeadLetter::position).containsExactly("0:1", "1:1");
    }

    @Test
    void acceptsABareOffsetOnlyWhenItIsUnique() {
        assertThat(new Selection(false, List.of("2"), null, null, null).apply(letters))
                .extracting(DeadLetter::position).containsExactly("0:2");
        assertThatThrownBy(() -> new Selection(false, List.of("1"), null, null, null).apply(letters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset 1 exists in partitions [0, 1]: say which, e.g. --offset 0:1");
    }

    @Test
    void choosesTheLatestCopyOfAnEventDeadLetteredTwice() {
        assertThat(new Selection(false, null, List.of("e-1"), null, null).apply(letters))
                .extracting(DeadLetter::position).containsExactly("0:2");
    }

    @Test
    void refusesWhatNamesNoDeadLetter() {
        assertThatThrownBy(() -> new Selection(false, List.of("0:9"), null, null, null).apply(letters))
                .hasMessage("no dead letter at offset 0:9");
        assertThatThrownBy(() -> new Selection(false, List.of("x"), null, null, null).apply(letters))
                .hasMessage("not an offset (N or partition:N): x");
        assertThatThrownBy(() -> new Selection(false, null, List.of("e-9"), null, null).apply(letters))
                .hasMessage("no dead letter with event id e-9");
    }

    private static DeadLetter letter(int partition, long offset, String key, String eventId, String consumer) {
        Headers headers = new RecordHeaders().add("id", bytes(eventId))
                .add(DeadLetterHeaders.CONSUMER, bytes(consumer))
                .add(DeadLetterHeaders.SOURCE_TOPIC, bytes("orders.events"));
        return DeadLetter.of(new ConsumerRecord<>("orders.events.dlq", partition, offset, 0L,
                TimestampType.CREATE_TIME, 0, 0, bytes(key), bytes("{}"), headers, Optional.empty()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
