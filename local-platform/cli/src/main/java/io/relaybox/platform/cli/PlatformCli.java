package io.relaybox.platform.cli;

import java.nio.file.Path;

import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./platform}: runs the relaybox platform on this machine, without Docker. */
@Command(name = "platform", mixinStandardHelpOptions = true, version = "relaybox 0.1.0",
        description = "Runs the relaybox platform (PostgreSQL, Kafka, Kafka Connect with Debezium and the sinks, "
                + "Elasticsearch, an S3-compatible store, the order monolith, inventory and payment) as local processes, "
                + "without Docker.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, DemoCommand.class, VerifyCommand.class},
        footer = {"",
            "Examples:",
            "  ./platform demo             start, place 1,000 orders, check them, stop",
            "  ./platform up               start in the background; print the endpoints",
            "  ./platform status           processes, connectors, replication slot lag",
            "  ./platform down             stop every process by PID",
            "  ./platform verify --minutes 5 --rate 20 --faults all   orders under seeded faults, audited",
            "",
            "Logs: .relaybox/logs/   Passwords: .relaybox/secrets.properties",
            "Each command's own help: ./platform <command> --help   More: README.md"})
public final class PlatformCli {

    @Option(names = "--run-folder", description = "Where logs, data and state go (default: .relaybox in the project folder).",
            scope = CommandLine.ScopeType.INHERIT)
    Path runFolder;

    PlatformLayout layout() {
        return PlatformLayout.detect();
    }

    Path runFolder() {
        return (runFolder != null ? runFolder : layout().defaultRunFolder()).toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new PlatformCli());
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof PlatformException || e instanceof IllegalStateException
                    || e instanceof io.relaybox.connectctl.ConnectRestException) {
                cl.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(commandLine.execute(args));
    }
}
