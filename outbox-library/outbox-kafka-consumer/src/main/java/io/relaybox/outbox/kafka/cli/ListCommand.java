package io.relaybox.outbox.kafka.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.relaybox.outbox.kafka.deadletter.DeadLetter;
import io.relaybox.outbox.kafka.deadletter.DeadLetterTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dead-letters list}: one line per dead letter. */
@Command(name = "list", description = "List the dead letters: position (partition:offset), key, event id, type,"
        + " consumer, source partition@offset and reason.")
final class ListCommand implements Callable<Integer> {

    private static final List<String> HEADINGS = List.of("DLQ", "KEY", "EVENT ID", "TYPE", "CONSUMER", "SOURCE",
            "REASON");

    @Mixin
    ConnectionOptions connection;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--consumer", paramLabel = "NAME", description = "Only the dead letters of this consumer.")
    String consumer;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<DeadLetter> letters;
        try (DeadLetterTopic topic = connection.open()) {
            letters = Selection.everything(consumer).apply(topic.read());
        }
        print(letters, spec.commandLine().getOut());
        return 0;
    }

    static void print(List<DeadLetter> letters, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (DeadLetter letter : letters) {
            rows.add(List.of(letter.position(), text(letter.key()), text(letter.eventId()), text(letter.eventType()),
                    text(letter.consumer()), letter.sourceTopic() + "-" + letter.sourcePartition() + "@"
                            + letter.sourceOffset(), letter.reason()));
        }
        int[] widths = new int[HEADINGS.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(letters.size() + " dead letter" + (letters.size() == 1 ? "" : "s"));
        out.flush();
    }

    private static String text(String value) {
        return value == null ? "-" : value;
    }
}
