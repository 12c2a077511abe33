package io.relaybox.connectctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.testkit.SharedInfrastructure;
import io.relaybox.testkit.TestStack;

/** connectctl's credentials and its one-line errors for what a user meets first: a wrong password, a missing plugin. */
@ExtendWith(SharedInfrastructure.class)
class ConnectCtlAccessIT {

    static TestStack stack;
    static ConnectCtlRunner connectctl;

    @BeforeAll
    static void useSharedStack(TestStack shared) {
        stack = shared;
        connectctl = ConnectCtlRunner.against(shared);
    }

    @Test
    void explainsAWrongPasswordOnOneLine() {
        ConnectCtlRunner.Result result = connectctl.run("status", "--user", TestStack.CONNECT_USER, "--password", "wrong");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("connectctl: GET /connectors?expand=status: authentication failed (401): wrong or missing user "
                + "and password: User cannot access the resource. (user tester from --user/--password)\n");
    }

    @Test
    void saysWhenNoCredentialsWereGiven() {
        ConnectCtlRunner.Result result = connectctl.without("CONNECT_USER", "CONNECT_PASSWORD").run("plugins");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("authentication failed (401)", "no credentials were sent").hasLineCount(1);
    }

    @Test
    void readsCredentialsFromTheWorkersOwnFile() throws Exception {
        Path file = Files.writeString(stack.folder("access").resolve("credentials.properties"),
                TestStack.CONNECT_USER + "=" + stack.connectPassword() + "\n");

        ConnectCtlRunner.Result result = connectctl.without("CONNECT_USER", "CONNECT_PASSWORD").run("plugins", "--credentials-file",
                file.toString());

        assertThat(result.status()).as(result.toString()).isZero();
    }

    @Test
    void readsCredentialsAndUrlFromThePlatformsRunFolder() throws Exception {
        Path runFolder = stack.folder("access-run-folder");
        Files.writeString(runFolder.resolve("secrets.properties"), "connect.relaybox=" + stack.connectPassword() + "\n");
        Files.writeString(runFolder.resolve("platform.json"), "{\"endpoints\": {\"connect\": \"" + stack.connectUrl() + "\"}}");

        ConnectCtlRunner.Result result = connectctl.without("CONNECT_USER", "CONNECT_PASSWORD", "CONNECTCTL_PROFILE")
                .run("status", "--run-folder", runFolder.toString());

        // the run folder names user relaybox; this worker only knows the tester: the URL came from the folder, the user too
        assertThat(result.err()).contains("401", "user relaybox from " + runFolder.resolve("secrets.properties"));
    }

    @Test
    void listsInstalledPluginsWithTypesAndVersions() {
        ConnectCtlRunner.Result result = connectctl.run("plugins");

        assertThat(result.status()).isZero();
        assertThat(result.out().lines()).anySatisfy(line -> assertThat(line).startsWith("io.debezium.connector.postgresql.PostgresConnector")
                .contains("source", "3.6.1.Final"))
                .anySatisfy(line -> assertThat(line).startsWith(TestStack.FILE_SINK).contains("sink", "4.3.1"));
    }

    @Test
    void namesAConnectorPluginTheWorkerLacks() {
        Path file = TestConnectors.write(stack.folder("access-missing-plugin"), "missing-plugin",
                Map.of("connector.class", "com.example.NoSuchConnector", "tasks.max", "1"));

        ConnectCtlRunner.Result result = connectctl.run("validate", "-f", file.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("connector.class: the worker has no connector plugin com.example.NoSuchConnector");
    }
}
