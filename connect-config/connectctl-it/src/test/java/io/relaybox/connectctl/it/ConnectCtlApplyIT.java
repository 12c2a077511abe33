package io.relaybox.connectctl.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorStatus;
import io.relaybox.testkit.SharedInfrastructure;
import io.relaybox.testkit.TestStack;

/** connectctl apply, validate and diff against the real worker: declarative, idempotent, all or nothing, secrets kept. */
@ExtendWith(SharedInfrastructure.class)
class ConnectCtlApplyIT {

    static TestStack stack;
    static ConnectCtlRunner connectctl;

    ConnectorCleanup cleanup;
    Path folder;
    ConnectClient worker;

    @BeforeAll
    static void useSharedStack(TestStack shared) {
        stack = shared;
        connectctl = ConnectCtlRunner.against(shared);
    }

    @BeforeEach
    void prepare(TestInfo test) {
        cleanup = new ConnectorCleanup(stack);
        folder = stack.folder("apply-" + test.getTestMethod().orElseThrow().getName());
        worker = stack.client();
    }

    @AfterEach
    void removeConnectors() {
        cleanup.run();
    }

    @Test
    void appliesAFolderAndReportsEverythingUnchangedTheSecondTime() {
        String source = cleanup.connector("apply-twice-source");
        String sink = cleanup.connector("apply-twice-sink");
        TestConnectors.write(folder, source, TestConnectors.outboxSource(cleanup.slot("apply_twice")));
        TestConnectors.write(folder, sink, TestConnectors.fileSink("apply.twice", folder.resolve("sink.txt")));

        ConnectCtlRunner.Result first = connectctl.run("apply", "-f", folder.toString(), "--wait", "90s");
        ConnectCtlRunner.Result second = connectctl.run("apply", "-f", folder.toString());

        assertThat(first.status()).as(first.toString()).isZero();
        assertThat(first.out().lines()).contains("created " + source, "created " + sink, "running " + source, "running " + sink);
        assertThat(second.status()).as(second.toString()).isZero();
        // a folder's files are applied by file name
        assertThat(second.out().lines()).containsExactly("unchanged " + sink, "unchanged " + source);
        assertThat(worker.config(source).orElseThrow())
                .containsEntry("database.hostname", "127.0.0.1")
                .containsEntry("database.port", Integer.toString(stack.postgres().port()))
                .containsEntry("database.password", "${env:RELAYBOX_CDC_PASSWORD}")
                .containsEntry("transforms.outbox.route.topic.replacement", "${routedByValue}.events");
        assertThat(worker.status(source).orElseThrow().isRunning()).isTrue();
    }

    @Test
    void listsTheInvalidFieldAndDeploysNoneOfTheSet() {
        String valid = cleanup.connector("invalid-set-sink");
        String invalid = cleanup.connector("invalid-set-source");
        TestConnectors.write(folder, valid, TestConnectors.fileSink("invalid.set", folder.resolve("sink.txt")));
        Map<String, String> broken = new LinkedHashMap<>(TestConnectors.outboxSource(cleanup.slot("invalid_set")));
        broken.put("snapshot.mode", "sometimes");
        TestConnectors.write(folder, invalid, broken);

        ConnectCtlRunner.Result validation = connectctl.run("validate", "-f", folder.toString());
        ConnectCtlRunner.Result apply = connectctl.run("apply", "-f", folder.toString());

        assertThat(validation.status()).as(validation.toString()).isEqualTo(1);
        assertThat(validation.out()).contains("valid   " + valid)
                .containsPattern("invalid .*/" + invalid + ".json \\(" + invalid + "\\): snapshot.mode: .*must be one of");
        assertThat(apply.status()).as(apply.toString()).isEqualTo(1);
        assertThat(apply.err()).contains("snapshot.mode").contains("nothing was applied");
        assertThat(worker.config(valid)).isEmpty();
        assertThat(worker.config(invalid)).isEmpty();
    }

    @Test
    void showsAChangedSettingAndUpdatesOnlyThatConnector() {
        String sink = cleanup.connector("diff-sink");
        Path file = TestConnectors.write(folder, sink, TestConnectors.fileSink("diff.topic", folder.resolve("before.txt")));
        assertThat(connectctl.run("apply", "-f", file.toString()).status()).isZero();
        TestConnectors.write(folder, sink, TestConnectors.fileSink("diff.topic", folder.resolve("after.txt")));

        ConnectCtlRunner.Result diff = connectctl.run("diff", "-f", file.toString(), "--exit-code");
        ConnectCtlRunner.Result apply = connectctl.run("apply", "-f", file.toString());

        assertThat(diff.status()).as(diff.toString()).isEqualTo(1);
        assertThat(diff.out().lines()).containsExactly("~ " + sink,
                "    ~ file: \"" + folder.resolve("before.txt").toAbsolutePath() + "\" -> \"" + folder.resolve("after.txt").toAbsolutePath() + "\"");
        assertThat(apply.out().lines()).containsExactly("updated " + sink,
                "    ~ file: \"" + folder.resolve("before.txt").toAbsolutePath() + "\" -> \"" + folder.resolve("after.txt").toAbsolutePath() + "\"");
        assertThat(worker.config(sink).orElseThrow()).containsEntry("file", folder.resolve("after.txt").toAbsolutePath().toString());
        assertThat(connectctl.run("diff", "-f", file.toString(), "--exit-code").out()).isEqualTo("= " + sink + " (no difference)\n");
    }

    @Test
    void restartsTheFailedTaskOfAConnectorItMendsAndWaitsUntilItRuns() {
        String sink = cleanup.connector("mended-sink");
        Path file = TestConnectors.write(folder, sink, TestConnectors.fileSink("mended.topic", folder.resolve("no-such-folder/sink.txt")));
        assertThat(connectctl.run("apply", "-f", file.toString()).status()).isZero();
        await().atMost(Duration.ofSeconds(90)).until(() -> worker.status(sink).flatMap(ConnectorStatus::failure),
                failure -> failure.filter(text -> text.contains("task 0 FAILED")).isPresent());
        TestConnectors.write(folder, sink, TestConnectors.fileSink("mended.topic", folder.resolve("sink.txt")));

        ConnectCtlRunner.Result apply = connectctl.run("apply", "-f", file.toString(), "--wait", "90s");

        assertThat(apply.status()).as(apply.toString()).isZero();
        assertThat(apply.out().lines()).contains("updated " + sink, "running " + sink);
        // the update rebalances the worker's group, which may pass the task through UNASSIGNED once more
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.status(sink).map(ConnectorStatus::isRunning).orElse(false));
        assertThat(folder.resolve("sink.txt")).as("the mended task opened its file").exists();
    }

    @Test
    void masksALiteralSecretSomeoneDeployedByHand() {
        String sink = cleanup.connector("hand-made-sink");
        Map<String, String> config = TestConnectors.fileSink("hand.made", folder.resolve("sink.txt"));
        Map<String, String> literal = new LinkedHashMap<>(config);
        literal.put("api.token", "hunter2");
        worker.putConfig(new io.relaybox.connectctl.ConnectorDefinition(sink, literal));
        Map<String, String> reference = new LinkedHashMap<>(config);
        reference.put("api.token", "${env:RELAYBOX_API_TOKEN}");
        Path file = TestConnectors.write(folder, sink, reference);

        ConnectCtlRunner.Result diff = connectctl.withEnvironment(Map.of("RELAYBOX_API_TOKEN", "from-the-tools-env")).run("diff", "-f", file.toString());

        assertThat(diff.status()).as(diff.toString()).isZero();
        assertThat(diff.out()).contains("~ api.token: \"****\" -> \"${env:RELAYBOX_API_TOKEN}\"")
                .doesNotContain("hunter2").doesNotContain("from-the-tools-env");
    }

    @Test
    void refusesALiteralSecretWithoutPrintingIt() {
        String source = cleanup.connector("literal-secret-source");
        Map<String, String> config = new LinkedHashMap<>(TestConnectors.outboxSource(cleanup.slot("literal_secret")));
        config.put("database.password", stack.cdcPassword());
        Path file = TestConnectors.write(folder, source, config);

        ConnectCtlRunner.Result apply = connectctl.run("apply", "-f", file.toString());

        assertThat(apply.status()).as(apply.toString()).isEqualTo(1);
        assertThat(apply.err()).contains("database.password: a secret setting holds a literal value (****)")
                .doesNotContain(stack.cdcPassword());
        assertThat(worker.config(source)).isEmpty();
    }

    @Test
    void resolvesEnvironmentPlaceholdersAndNamesAnUnsetOne() {
        String source = cleanup.connector("env-source");
        Map<String, String> config = new LinkedHashMap<>(TestConnectors.outboxSource(cleanup.slot("env_source")));
        config.put("database.dbname", "${env:ORDERS_DB}");
        Path file = TestConnectors.write(folder, source, config);

        ConnectCtlRunner.Result unset = connectctl.run("apply", "-f", file.toString());
        ConnectCtlRunner.Result set = connectctl.withEnvironment(Map.of("ORDERS_DB", "orders")).run("apply", "-f", file.toString());

        assertThat(unset.status()).as(unset.toString()).isEqualTo(1);
        assertThat(unset.err()).contains(file + " (" + source + "): database.dbname: environment variable ORDERS_DB is not set");
        assertThat(set.status()).as(set.toString()).isZero();
        assertThat(worker.config(source).orElseThrow()).containsEntry("database.dbname", "orders")
                .containsEntry("database.password", "${env:RELAYBOX_CDC_PASSWORD}");
    }

    @Test
    void refusesWhatLooksLikeARenameUnlessAllowed() {
        String original = cleanup.connector("rename-original");
        String renamed = cleanup.connector("rename-renamed");
        Map<String, String> config = TestConnectors.fileSink("rename.topic", folder.resolve("sink.txt"));
        assertThat(connectctl.run("apply", "-f", TestConnectors.write(folder.resolve("v1"), original, config).toString()).status()).isZero();
        Path renamedFile = TestConnectors.write(folder.resolve("v2"), renamed, config);

        ConnectCtlRunner.Result refused = connectctl.run("apply", "-f", renamedFile.toString());
        boolean createdMeanwhile = worker.config(renamed).isPresent();
        ConnectCtlRunner.Result allowed = connectctl.run("apply", "-f", renamedFile.toString(), "--allow-rename");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("looks like a rename of the deployed connector " + original, "new consumer group", "--allow-rename");
        assertThat(createdMeanwhile).isFalse();
        assertThat(allowed.out()).isEqualTo("created " + renamed + "\n");
    }

    @Test
    void showsADryRunWithoutDeploying() {
        String sink = cleanup.connector("dry-run-sink");
        Path file = TestConnectors.write(folder, sink, TestConnectors.fileSink("dry.run", folder.resolve("sink.txt")));

        ConnectCtlRunner.Result dryRun = connectctl.run("apply", "-f", file.toString(), "--dry-run");

        assertThat(dryRun.status()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).startsWith("would be created " + sink + "\n").contains("    + topics: \"dry.run\"");
        assertThat(worker.config(sink)).isEmpty();
    }
}
