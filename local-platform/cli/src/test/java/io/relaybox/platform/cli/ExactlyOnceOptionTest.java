package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code up} and {@code demo} run exactly-once source unless told {@code --no-exactly-once}. */
class ExactlyOnceOptionTest {

    @BeforeEach
    void withoutTheEnvironmentVariable() {
        assumeTrue(System.getenv(ExactlyOnceOption.ENVIRONMENT_VARIABLE) == null, "the default comes from the environment");
    }

    @Test
    void startsWithExactlyOnceSourceByDefault() {
        assertThat(up().exactlyOnce.exactlyOnce).isTrue();
        assertThat(demo().exactlyOnce.exactlyOnce).isTrue();
        assertThat(up("--exactly-once").exactlyOnce.exactlyOnce).isTrue();
    }

    @Test
    void startsAtLeastOnceWhenToldNoExactlyOnce() {
        assertThat(up("--no-exactly-once").exactlyOnce.exactlyOnce).isFalse();
        assertThat(demo("--orders", "10", "--no-exactly-once").exactlyOnce.exactlyOnce).isFalse();
    }

    @Test
    void explainsTheSwitchInTheHelpOfUpAndDemo() {
        CommandLine cli = new CommandLine(new PlatformCli());
        for (String command : new String[] {"up", "demo"}) {
            assertThat(cli.getSubcommands().get(command).getUsageMessage()).contains("--[no-]exactly-once")
                    .contains(ExactlyOnceOption.ENVIRONMENT_VARIABLE);
        }
    }

    private static UpCommand up(String... arguments) {
        return (UpCommand) parse("up", arguments);
    }

    private static DemoCommand demo(String... arguments) {
        return (DemoCommand) parse("demo", arguments);
    }

    private static Object parse(String command, String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = command;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        CommandLine.ParseResult parsed = new CommandLine(new PlatformCli()).parseArgs(all);
        return parsed.subcommand().commandSpec().userObject();
    }
}
