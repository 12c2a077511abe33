package io.relaybox.platform.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.SlotRecovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./platform recover-slot CONNECTOR}: the recovery of an invalidated replication slot. */
@Command(name = "recover-slot", mixinStandardHelpOptions = true,
        description = "Recover an outbox source whose replication slot PostgreSQL invalidated (max_slot_wal_keep_size): stop it, drop "
                + "the lost slot, reset its offset, resume it on a new slot and publish the retained outbox rows since a minute before "
                + "the last event Kafka holds from its database again. Consumers skip the events they had (inbox).",
        footer = {"", "Example: ./platform recover-slot payment-outbox-source", "See docs/operations.md"})
final class RecoverSlotCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    @Parameters(index = "0", paramLabel = "CONNECTOR", description = "The outbox source connector, e.g. payment-outbox-source.")
    String connector;

    @Option(names = "--since", paramLabel = "INSTANT", description = "Publish the rows that occurred at or after this ISO-8601 "
            + "instant (e.g. 2026-12-05T10:00:00Z) again, instead of a minute before the last event in Kafka.")
    Instant since;

    @Override
    public Integer call() {
        PlatformState state = PlatformState.read(cli.runFolder())
                .orElseThrow(() -> new PlatformException("nothing runs from " + cli.runFolder() + " (start it with ./platform up)"));
        SlotRecovery recovery = new SlotRecovery(PlatformClients.connect(PlatformClients.endpoint(state, "connect"), cli.runFolder()),
                PlatformClients.postgres(state, cli.runFolder()), PlatformClients.endpoint(state, "kafka"),
                step -> System.out.println("... " + step));
        SlotRecovery.Outcome outcome = recovery.recover(connector, Optional.ofNullable(since), Duration.ofMinutes(2));
        System.out.printf("%s streams from a new slot %s; %d outbox rows of %s that occurred since %s were published again%n",
                outcome.connector(), outcome.slot(), outcome.republished(), outcome.database(), outcome.since());
        return 0;
    }
}
