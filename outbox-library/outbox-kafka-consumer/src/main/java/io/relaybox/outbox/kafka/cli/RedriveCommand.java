package io.relaybox.outbox.kafka.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.relaybox.outbox.kafka.deadletter.DeadLetter;
import io.relaybox.outbox.kafka.deadletter.DeadLetterTopic;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dead-letters redrive}: publishes chosen dead letters to their source topic, in topic order. */
@Command(name = "redrive", description = "Publish chosen dead letters to the topic they came from, with their"
        + " original key, value and headers, in the order they were dead-lettered. Safe to repeat: consumers skip"
        + " what they applied. Re-drive a dead letter together with the events parked behind it (--key, --all).")
final class RedriveCommand implements Callable<Integer> {

    /** Exactly one way to choose. */
    static final class Choice {

        @Option(names = "--offset", paramLabel = "[PARTITION:]OFFSET", required = true,
                description = "A dead letter by position; repeatable. A bare offset must be unique across partitions.")
        List<String> positions;

        @Option(names = "--event-id", paramLabel = "ID", required = true,
                description = "A dead letter by event id (its latest copy); repeatable.")
        List<String> eventIds;

        @Option(names = "--key", paramLabel = "AGGREGATE", required = true,
                description = "Every dead letter of an aggregate (its dead letter and the events parked behind it);"
                        + " repeatable.")
        List<String> keys;

        @Option(names = "--all", required = true, description = "Every dead letter.")
        boolean all;
    }

    @Mixin
    ConnectionOptions connection;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    @Option(names = "--consumer", paramLabel = "NAME", description = "Only the dead letters of this consumer.")
    String consumer;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (DeadLetterTopic topic = connection.open()) {
            List<DeadLetter> chosen = new Selection(choice.all, choice.positions, choice.eventIds, choice.keys,
                    consumer).apply(topic.read());
            topic.redrive(chosen);
            for (DeadLetter letter : chosen) {
                out.println("re-drove " + letter.position() + " to " + letter.sourceTopic() + ": " + letter.key() + " "
                        + letter.eventId() + " " + letter.eventType());
            }
            out.println(chosen.size() + " dead letter" + (chosen.size() == 1 ? "" : "s") + " re-driven");
            out.flush();
        }
        return 0;
    }
}
