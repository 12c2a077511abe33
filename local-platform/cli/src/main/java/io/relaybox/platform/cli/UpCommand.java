package io.relaybox.platform.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PlatformSettings;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.PortPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Starts the platform in the background. */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Start the platform in the background and print where everything listens.",
        footer = {"", "Example: ./platform up"})
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    @Option(names = "--free-ports", description = "Use free ports instead of the defaults (15432, 19092, 18083, 18080).")
    boolean freePorts;

    @Mixin
    ExactlyOnceOption exactlyOnce;

    @Override
    public Integer call() {
        if (PlatformState.read(cli.runFolder()).map(s -> s.processes().stream().anyMatch(PlatformState.Entry::isAlive)).orElse(false)) {
            System.out.println("the platform already runs in " + cli.runFolder() + ":");
            return new StatusCommand().show(cli.runFolder(), false);
        }
        LocalPlatform platform = start(cli, freePorts, exactlyOnce.exactlyOnce);
        platform.detach();
        printEndpoints(platform.endpoints());
        System.out.println("stop it with: ./platform down");
        return 0;
    }

    static LocalPlatform start(PlatformCli cli, boolean freePorts, boolean exactlyOnce) {
        System.out.println("starting the relaybox platform in " + cli.runFolder()
                + (exactlyOnce ? "" : " without exactly-once source (events reach Kafka at least once)"));
        PlatformSettings settings = new PlatformSettings(cli.layout(), cli.runFolder(),
                freePorts ? PortPlan.free() : PortPlan.preferred(), Duration.ofSeconds(180)).withExactlyOnceSource(exactlyOnce);
        return LocalPlatform.start(settings, line -> System.out.println("  " + line));
    }

    static void printEndpoints(Map<String, String> endpoints) {
        System.out.println("the platform runs:");
        endpoints.forEach((name, endpoint) -> System.out.printf("  %-12s %s%n", name, endpoint));
    }
}
