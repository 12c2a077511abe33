package io.relaybox.platform.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.relaybox.platform.ElasticsearchServer;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Stops every process of the platform, by PID. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop every process of the platform (by PID, in reverse start order).",
        footer = {"", "Example: ./platform down --purge"})
final class DownCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    @Option(names = "--purge", description = "Also delete the run folder: data, logs and generated secrets.")
    boolean purge;

    @Override
    public Integer call() {
        Optional<PlatformState> state = PlatformState.read(cli.runFolder());
        if (state.isEmpty()) {
            System.out.println("nothing runs from " + cli.runFolder());
        } else {
            List<PlatformState.Entry> entries = new ArrayList<>(state.get().processes());
            Collections.reverse(entries);
            for (PlatformState.Entry entry : entries) {
                if (entry.isAlive()) {
                    entry.stop(Duration.ofSeconds(30));
                    System.out.printf("stopped %-16s pid %d%n", entry.name(), entry.pid());
                } else {
                    System.out.printf("%-24s pid %d was not running%n", entry.name(), entry.pid());
                }
            }
            state.get().delete();
        }
        if (purge) {
            RunFolder.purge(cli.runFolder(), state.map(PlatformState::postgresData));
            ElasticsearchServer.deleteDistributionCopy(cli.layout().elasticsearchHome());
            System.out.println("deleted " + cli.runFolder());
        }
        return 0;
    }
}
