package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.relaybox.platform.PlatformState;
import io.relaybox.platform.StopSignal;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./platform migrate}: what its arguments ask for, checked before any request, and how it answers a refusal. */
class MigrateCommandTest {

    @Test
    void switchesWhenGivenACapabilityAndAModeInAnyCase() {
        MigrateCommand command = parse("migrate", "Inventory", "SHADOW", "--share", "0.25", "--reason", "start the parallel run", "--by",
                "alice");

        assertThat(command.action()).isEqualTo(MigrateCommand.Action.SWITCH);
        assertThat(command.capability.apiName()).isEqualTo("inventory");
        assertThat(command.mode.apiName()).isEqualTo("shadow");
        assertThat(command.share).isEqualTo(0.25);
        assertThat(command.changedBy()).isEqualTo("alice");
    }

    @Test
    void readsWithoutAMode() {
        assertThat(parse("migrate").action()).isEqualTo(MigrateCommand.Action.MODES);
        assertThat(parse("migrate", "payment").action()).isEqualTo(MigrateCommand.Action.MODES);
        assertThat(parse("migrate", "--report").action()).isEqualTo(MigrateCommand.Action.REPORT);
        assertThat(parse("migrate", "--report", "--json").action()).isEqualTo(MigrateCommand.Action.REPORT);
        assertThat(parse("migrate", "--history", "payment").action()).isEqualTo(MigrateCommand.Action.HISTORY);
    }

    @Test
    void refusesAnUnknownCapabilityOrModeBeforeAnyRequest() {
        assertThatThrownBy(() -> parse("migrate", "inventroy", "shadow")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("CAPABILITY").hasMessageContaining("'inventroy' is not one of inventory, payment");
        assertThatThrownBy(() -> parse("migrate", "inventory", "shaddow")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("MODE").hasMessageContaining("'shaddow' is not one of monolith, sync, shadow, events");
    }

    @Test
    void refusesCombinationsThatMeanNothing() {
        assertThat(usageError("migrate", "inventory", "events", "--share", "0.5", "--reason", "r")).contains("--share").contains("shadow");
        assertThat(usageError("migrate", "inventory", "shadow", "--share", "1.5", "--reason", "r")).contains("between 0 and 1");
        assertThat(usageError("migrate", "inventory", "events")).contains("a switch needs --reason");
        assertThat(usageError("migrate", "inventory", "events", "--reason", " ")).contains("a switch needs --reason");
        assertThat(usageError("migrate", "inventory", "--reason", "why")).contains("CAPABILITY and MODE");
        assertThat(usageError("migrate", "--force")).contains("CAPABILITY and MODE");
        assertThat(usageError("migrate", "--history")).contains("--history needs a CAPABILITY");
        assertThat(usageError("migrate", "inventory", "events", "--reason", "r", "--report")).contains("give one");
        assertThat(usageError("migrate", "--report", "--history", "inventory")).contains("give one");
    }

    @Test
    void namesWhoSwitchesFromTheEnvironmentUnlessGiven() {
        assertThat(MigrateCommand.changedBy("carol", Map.of("USER", "alice"), "root")).isEqualTo("carol");
        assertThat(MigrateCommand.changedBy(null, Map.of("USER", "alice"), "root")).isEqualTo("alice");
        assertThat(MigrateCommand.changedBy(null, Map.of(), "root")).isEqualTo("root");
    }

    @Test
    void listsTheChoicesAndExitStatusesInItsHelp() {
        // the help wraps its lines at 80 characters
        String help = new CommandLine(new PlatformCli()).getSubcommands().get("migrate").getUsageMessage().replaceAll("\\s+", " ");

        assertThat(help).contains("inventory, payment").contains("monolith, sync, shadow, events").contains("the monolith refused");
    }

    @Test
    void saysThePlatformDoesNotRunWhenNothingRuns(@TempDir Path runFolder) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = PlatformCli.commandLine();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("migrate", "--run-folder", runFolder.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("nothing runs from").contains("./platform up");
    }

    @Test
    void printsTheMonolithsReasonAndFailsWhenItRefusesASwitch(@TempDir Path runFolder) throws IOException {
        HttpServer monolith = monolith(runFolder, "/migration/modes/inventory", 409, "application/problem+json",
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"the shadow diff is not drained: 3 pending\"}");
        try {
            Run run = run("migrate", "inventory", "events", "--reason", "cut over", "--by", "alice", "--run-folder", runFolder.toString());

            assertThat(run.exit()).isEqualTo(MigrateCommand.REFUSED);
            assertThat(run.err()).contains("refused: PUT /migration/modes/inventory answered 409 Conflict: "
                    + "the shadow diff is not drained: 3 pending").contains("nothing changed");
            assertThat(run.out()).isEmpty();
        } finally {
            monolith.stop(0);
        }
    }

    @Test
    void printsTheReportOfOneCapabilityAsJson(@TempDir Path runFolder) throws IOException {
        HttpServer monolith = monolith(runFolder, "/migration/diff", 200, "application/json", "{\"capabilities\":["
                + "{\"capability\":\"inventory\",\"mode\":\"shadow\",\"matched\":120,\"mismatched\":0,\"pending\":0,\"latestMismatches\":[]},"
                + "{\"capability\":\"payment\",\"mode\":\"sync\",\"matched\":7,\"mismatched\":1,\"pending\":0,\"byCategory\":{\"amount\":1},"
                + "\"latestMismatches\":[{\"orderId\":\"o-1\",\"category\":\"amount\",\"recordedAt\":\"2026-12-06T14:00:00Z\","
                + "\"legacy\":{\"outcome\":\"CAPTURED\",\"detail\":{\"amount\":\"10.00\"},\"millis\":1.5},"
                + "\"service\":{\"outcome\":\"CAPTURED\",\"detail\":{\"amount\":\"10.01\"},\"millis\":20.0,\"error\":null}}]}]}");
        try {
            Run text = run("migrate", "--report", "--run-folder", runFolder.toString());
            Run json = run("migrate", "payment", "--report", "--json", "--run-folder", runFolder.toString());

            assertThat(text.exit()).isZero();
            assertThat(text.out()).contains("inventory: shadow").contains("payment: sync").contains("by category: amount 1")
                    .contains("      service  CAPTURED  20.0 ms  {\"amount\":\"10.01\"}");
            assertThat(json.exit()).isZero();
            JsonNode printed = JsonMapper.shared().readTree(json.out());
            assertThat(printed.path("capabilities")).hasSize(1);
            JsonNode payment = printed.path("capabilities").path(0);
            assertThat(payment.path("capability").asString()).isEqualTo("payment");
            assertThat(payment.path("latestMismatches").path(0).path("recordedAt").asString()).isEqualTo("2026-12-06T14:00:00Z");
            assertThat(payment.path("latestMismatches").path(0).path("legacy").path("detail").path("amount").asString()).isEqualTo("10.00");
        } finally {
            monolith.stop(0);
        }
    }

    /** Output and exit status of one command line. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PlatformCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(arguments);
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * A stub of the monolith answering one path, and a run folder whose state names it: this JVM stands in for the
     * monolith's process (alive), the stub's address is its endpoint.
     */
    private static HttpServer monolith(Path runFolder, String path, int status, String contentType, String answer) throws IOException {
        HttpServer monolith = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        monolith.createContext(path, exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        monolith.start();
        new PlatformState(runFolder, runFolder.resolve("pg"), Map.of(), List.of(new PlatformState.Entry("order-monolith",
                ProcessHandle.current().pid(), null, "http://127.0.0.1:" + monolith.getAddress().getPort(), runFolder.resolve("m.log"),
                StopSignal.TERM))).write();
        return monolith;
    }

    private static MigrateCommand parse(String... arguments) {
        CommandLine commandLine = new CommandLine(new PlatformCli());
        commandLine.parseArgs(arguments);
        return commandLine.getSubcommands().get("migrate").getCommand();
    }

    private static String usageError(String... arguments) {
        MigrateCommand command = parse(arguments);
        try {
            command.action();
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
        throw new AssertionError("no usage error for " + String.join(" ", arguments));
    }
}
