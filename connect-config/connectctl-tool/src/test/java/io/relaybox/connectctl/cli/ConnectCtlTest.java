package io.relaybox.connectctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool's exit statuses and messages for mistakes found before any worker is asked. */
class ConnectCtlTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void namesFileAndPositionOfMalformedJsonAndExitsWithTwo() throws Exception {
        Path file = Files.writeString(folder.resolve("broken.json"), "{\"name\": \"c\",\n  \"config\": {\"a\": \"b\",}\n}");

        int status = run("apply", "-f", file.toString(), "--url", "http://127.0.0.1:1");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith("connectctl: " + file + ": malformed JSON at line 2, column ").hasLineCount(1);
    }

    @Test
    void saysWhenTheWorkerIsUnreachableAndExitsWithTwo() {
        int status = run("status", "--url", "http://127.0.0.1:1");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("connectctl: the Connect worker at http://127.0.0.1:1/ is unreachable (connection refused)\n");
    }

    @Test
    void treatsUnknownOptionsAsUsageErrors() {
        assertThat(run("apply", "-f", "x.json", "--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void documentsThePlaceholderRuleAndExitStatuses() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("apply", "validate", "diff", "status", "restart", "pause", "resume", "stop", "delete", "offsets",
                "plugins", "wait", "resolves ${env:NAME}", "PASSWORD", "refused", "${routedByValue}", "Exit status");
    }

    private int run(String... args) {
        return ConnectCtl.commandLine(new ConnectCtl(Map.of())).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
