package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void putsTheExtraOptionsAfterTheProcesssOwnSoThatTheyWin() {
        List<String> command = JavaCommand.withExtraOptions(" -XX:TieredStopAtLevel=1   -Xss512k ").heap("384m")
                .option("-XX:TieredStopAtLevel=4").jar(Path.of("service.jar"), "--server.port=1").build();

        assertThat(command.subList(1, command.size())).containsExactly("-Xmx384m", "-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=1",
                "-Xss512k", "-jar", Path.of("service.jar").toAbsolutePath().toString(), "--server.port=1");
    }

    @Test
    void putsTheExtraOptionsBeforeAMainClass() {
        List<String> command = JavaCommand.withExtraOptions("-XX:+UseSerialGC").classpathFolder(Path.of("lib"))
                .mainClass("io.relaybox.Main", "a").build();

        assertThat(command.subList(command.size() - 3, command.size())).containsExactly("-XX:+UseSerialGC", "io.relaybox.Main", "a");
    }

    @Test
    void addsNothingWithoutTheVariable() {
        assertThat(JavaCommand.withExtraOptions(null).jar(Path.of("a.jar")).build()).hasSize(3);
        assertThat(JavaCommand.withExtraOptions("  ").jar(Path.of("a.jar")).build()).hasSize(3);
    }
}
