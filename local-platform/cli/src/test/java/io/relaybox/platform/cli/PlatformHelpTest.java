package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class PlatformHelpTest {

    private final CommandLine cli = new CommandLine(new PlatformCli());

    @Test
    void showsAnExampleOfEveryCommandInTheOverview() {
        String help = cli.getUsageMessage();

        assertThat(cli.getSubcommands().keySet()).isNotEmpty()
                .allSatisfy(command -> assertThat(help).contains("./platform " + command + " "));
        assertThat(help).contains(".relaybox/logs");
    }

    @Test
    void showsAnExampleThatParsesInEachCommandsHelp() {
        cli.getSubcommands().forEach((name, command) -> {
            String example = command.getUsageMessage().lines().filter(line -> line.startsWith("Example: ./platform ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no example in the help of " + name));
            String[] arguments = example.substring("Example: ./platform ".length()).split(" ");

            assertThat(arguments[0]).isEqualTo(name);
            new CommandLine(new PlatformCli()).parseArgs(arguments);
        });
    }
}
