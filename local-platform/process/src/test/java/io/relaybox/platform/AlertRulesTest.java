package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The alert rules the platform's Prometheus loads ({@code connect-config/monitoring/prometheus/alerts.yml}), checked and
 * unit-tested by Prometheus's own {@code promtool}: each alert fires when its condition has held long enough, with the
 * labels and texts an operator reads, and not otherwise ({@code alerts-test.yml}).
 */
class AlertRulesTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private final Path rules = PlatformLayout.detect().monitoringFolder().resolve("prometheus");

    @Test
    void theRulesAreValidPrometheusRules() throws Exception {
        assertThat(promtool("check", "rules", rules.resolve("alerts.yml").toString())).contains("SUCCESS");
    }

    @Test
    void eachAlertFiresWhenItsConditionHoldsAndOnlyThen() throws Exception {
        assertThat(promtool("test", "rules", rules.resolve("alerts-test.yml").toString())).contains("SUCCESS");
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool is not installed (apt-get install prometheus, as the README's Needs"
                + " says): the alert rules cannot be checked here");
        List<String> command = new java.util.ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool ended").isTrue();
        assertThat(process.exitValue()).as("promtool's exit code; its output:%n%s", output).isZero();
        return output;
    }
}
