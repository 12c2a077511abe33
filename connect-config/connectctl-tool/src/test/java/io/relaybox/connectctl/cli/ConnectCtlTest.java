package io.relaybox.connectctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(err.toString()).startsWith("connectctl: Unknown option: '--frobnicate' (see connectctl apply --help)").hasLineCount(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a/b      | \"name\" must be 1 to 200 letters",
        "'my conn'| \"name\" must be 1 to 200 letters",
        "-dash    | \"name\" must be 1 to 200 letters" })
    void refusesAConnectorNameThatCannotBeARestPathInOneLine(String name, String message) throws Exception {
        Path file = Files.writeString(folder.resolve("c.json"), "{\"name\": \"" + name + "\", \"config\": {\"connector.class\": \"X\"}}");

        assertThat(run("validate", "-f", file.toString(), "--url", "http://127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).startsWith("connectctl: " + file + ": " + message).hasLineCount(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "[{\"name\": \"c\", \"config\": {}}]", "null", "", "{\"config\": {\"a\": \"b\"}}",
            "{\"name\": \"c\", \"config\": {\"name\": \"d\"}}", "{\"name\": 7, \"config\": {}}" })
    void refusesAMalformedConnectorFileInOneLine(String content) throws Exception {
        Path file = Files.writeString(folder.resolve("c.json"), content);

        assertThat(run("apply", "-f", file.toString(), "--url", "http://127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).startsWith("connectctl: " + file + ": ").hasLineCount(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ht tp://x", "localhost:8083", "ftp://127.0.0.1:8083", "http://", "http://127.0.0.1:8083/?a=b", "8083" })
    void refusesAnInvalidWorkerUrlInOneLine(String url) {
        assertThat(run("status", "--url", url)).isEqualTo(2);
        assertThat(err.toString()).startsWith("connectctl: --url '" + url + "' ").contains("e.g. http://127.0.0.1:8083").hasLineCount(1);
    }

    @Test
    void refusesCredentialsInTheUrlWithoutEchoingThem() {
        assertThat(run("status", "--url", "http://admin:s3cret@127.0.0.1:8083")).isEqualTo(2);
        assertThat(err.toString()).startsWith("connectctl: --url must not hold credentials").doesNotContain("s3cret").hasLineCount(1);
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
