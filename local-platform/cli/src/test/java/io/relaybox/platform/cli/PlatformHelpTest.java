package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class PlatformHelpTest {

    private final CommandLine cli = new CommandLine(new PlatformCli());

    @Test
    void showsAnExampleOfEveryCommandInTheOverview() {
        String help = cli.getUsageMessage();

        assertThat(visibleCommands()).isNotEmpty()
                .allSatisfy(command -> assertThat(help).contains("./platform " + command + " "));
        assertThat(help).contains(".relaybox/logs");
    }

    @Test
    void showsAnExampleThatParsesInEachCommandsHelp() {
        visibleCommands().forEach(name -> {
            CommandLine command = cli.getSubcommands().get(name);
            String example = command.getUsageMessage().lines().filter(line -> line.startsWith("Example: ./platform ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no example in the help of " + name));
            String[] arguments = example.substring("Example: ./platform ".length()).split(" ");

            assertThat(arguments[0]).isEqualTo(name);
            new CommandLine(new PlatformCli()).parseArgs(arguments);
        });
    }

    @Test
    void keepsTheSupervisorsOwnCommandOutOfTheHelp() {
        assertThat(cli.getSubcommands()).containsKey("supervise");
        assertThat(cli.getUsageMessage()).doesNotContain("supervise ");
    }

    @Test
    void refusesASignalAFaultDrillDoesNotSend() {
        assertThatThrownBy(() -> new CommandLine(new PlatformCli()).parseArgs("kill", "connect", "--signal", "HUP"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--signal").hasMessageContaining("KILL");
    }

    @Test
    void asksForTheProcessOfEachProcessCommand() {
        for (String command : List.of("restart", "stop", "start", "kill")) {
            assertThatThrownBy(() -> new CommandLine(new PlatformCli()).parseArgs(command)).as(command)
                    .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("NAME");
        }
    }

    @Test
    void killSendsKillUnlessTold() {
        CommandLine commandLine = new CommandLine(new PlatformCli());
        commandLine.parseArgs("kill", "connect");

        KillCommand kill = commandLine.getSubcommands().get("kill").getCommand();
        assertThat(kill.action()).isEqualTo("kill?signal=KILL");
        assertThat(kill.name).isEqualTo("connect");
    }

    @Test
    void aProcessCommandWithoutASupervisorSaysHowToStartOne(@TempDir Path runFolder) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = PlatformCli.commandLine();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("stop", "connect", "--run-folder", runFolder.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no supervisor runs for").contains("./platform up");
    }

    private List<String> visibleCommands() {
        return cli.getSubcommands().entrySet().stream().filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(java.util.Map.Entry::getKey).toList();
    }
}
