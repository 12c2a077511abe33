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
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, DemoCommand.class, RestartCommand.class, StopCommand.class,
            StartCommand.class, KillCommand.class, VerifyCommand.class, RecoverSlotCommand.class, MigrateCommand.class, SuperviseCommand.class},
        footer = {"",
            "Examples:",
            "  ./platform demo             start, place 1,000 orders, check them, stop",
            "  ./platform up               start in the background, watched by a supervisor; print the endpoints",
            "  ./platform status           processes (state, restarts), connectors, replication slot lag",
            "  ./platform restart connect  stop and start one process",
            "  ./platform stop inventory-service-1   stop one; it stays stopped until:",
            "  ./platform start inventory-service-1",
            "  ./platform kill connect --signal KILL   fault drill: the supervisor restarts it",
            "  ./platform down             stop the supervisor and every process",
            "  ./platform verify --minutes 5 --rate 20 --faults all   orders under seeded faults, audited",
            "  ./platform recover-slot payment-outbox-source   after PostgreSQL invalidated its slot",
            "  ./platform migrate inventory shadow --reason \"parallel run\"   move a capability a step; --report: the diff",
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
        System.exit(commandLine().execute(args));
    }

    /** The command line, errors of the platform printed as one line and exit status 2 (as bad input). */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PlatformCli());
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof PlatformException || e instanceof IllegalStateException
                    || e instanceof io.relaybox.connectctl.ConnectRestException) {
                cl.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return commandLine;
    }
}
