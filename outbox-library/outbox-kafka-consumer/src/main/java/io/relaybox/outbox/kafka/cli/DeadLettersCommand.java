package io.relaybox.outbox.kafka.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dead-letters}: lists a dead-letter topic and re-drives chosen dead letters to their source topic.
 *
 * <pre>
 * dead-letters list    --topic orders.events.dlq [--bootstrap HOST:PORT] [--consumer NAME]
 * dead-letters redrive --topic orders.events.dlq (--offset [P:]N ... | --event-id ID ... | --key K ... | --all)
 * </pre>
 */
@Command(name = "dead-letters", subcommands = { ListCommand.class,
        RedriveCommand.class }, description = "List and re-drive the dead letters of relaybox inbox consumers.")
public final class DeadLettersCommand implements Runnable {

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    /**
     * Runs the command and exits with its status: 0 done, 1 failed, 2 wrong usage.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command, for running it in-process (tests, other tools); failures print their message, not a stack trace.
     *
     * @return a picocli command line
     */
    public static CommandLine commandLine() {
        return new CommandLine(new DeadLettersCommand()).setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("dead-letters: " + e.getMessage());
            commandLine.getErr().flush();
            return 1;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
