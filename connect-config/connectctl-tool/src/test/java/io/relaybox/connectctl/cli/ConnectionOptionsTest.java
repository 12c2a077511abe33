package io.relaybox.connectctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Where the tool finds the worker and its credentials: options first, then the environment, then files. */
class ConnectionOptionsTest {

    @TempDir
    Path folder;

    @Test
    void prefersOptionsToTheEnvironment() {
        Map<String, String> environment = Map.of("CONNECT_URL", "http://env:8083", "CONNECT_USER", "env", "CONNECT_PASSWORD", "env-pw");

        ConnectionOptions options = parse(environment, "--url", "http://option:8083", "--user", "me", "--password", "pw");

        assertThat(options.url(environment)).isEqualTo(URI.create("http://option:8083"));
        assertThat(options.credentials(environment)).get().extracting(Credentials::user, Credentials::password).containsExactly("me", "pw");
    }

    @Test
    void readsUrlAndCredentialsFromTheEnvironment() {
        Map<String, String> environment = Map.of("CONNECT_URL", "http://env:8083", "CONNECT_USER", "env", "CONNECT_PASSWORD", "env-pw");

        ConnectionOptions options = parse(environment);

        assertThat(options.url(environment)).isEqualTo(URI.create("http://env:8083"));
        assertThat(options.credentials(environment)).get().extracting(Credentials::user, Credentials::origin)
                .containsExactly("env", "CONNECT_USER/CONNECT_PASSWORD");
    }

    @Test
    void readsThePlatformsRunFolder() throws Exception {
        Files.writeString(folder.resolve("secrets.properties"), "postgres=pg\nconnect.relaybox=generated-pw\n");
        Files.writeString(folder.resolve("platform.json"), "{\"endpoints\": {\"connect\": \"http://127.0.0.1:28083\"}}");

        ConnectionOptions options = parse(Map.of(), "--run-folder", folder.toString());

        assertThat(options.url(Map.of())).isEqualTo(URI.create("http://127.0.0.1:28083"));
        assertThat(options.credentials(Map.of())).get().extracting(Credentials::user, Credentials::password)
                .containsExactly("relaybox", "generated-pw");
    }

    @Test
    void readsACredentialsFile() throws Exception {
        Path file = Files.writeString(folder.resolve("rest-credentials.properties"), "tester=t3st\n");

        assertThat(parse(Map.of(), "--credentials-file", file.toString()).credentials(Map.of())).get()
                .extracting(Credentials::user, Credentials::password).containsExactly("tester", "t3st");
    }

    @Test
    void takesTheUrlOfANamedProfile() {
        assertThat(parse(Map.of(), "--profile", "docker").url(Map.of())).isEqualTo(URI.create("http://127.0.0.1:8083"));
        assertThat(parse(Map.of("CONNECTCTL_PROFILE", "local")).url(Map.of("CONNECTCTL_PROFILE", "local")))
                .isEqualTo(URI.create("http://127.0.0.1:18083"));
    }

    @Test
    void refusesAPasswordWithoutUser() {
        assertThatThrownBy(() -> parse(Map.of(), "--password", "pw").credentials(Map.of())).isInstanceOf(ParameterException.class)
                .hasMessage("--password needs --user");
    }

    @Test
    void masksThePasswordWhenPrinted() {
        assertThat(new Credentials("u", "secret", "x").toString()).doesNotContain("secret");
    }

    private static ConnectionOptions parse(Map<String, String> environment, String... options) {
        CommandLine commandLine = ConnectCtl.commandLine(new ConnectCtl(environment));
        String[] args = new String[options.length + 1];
        args[0] = "plugins";
        System.arraycopy(options, 0, args, 1, options.length);
        CommandLine.ParseResult result = commandLine.parseArgs(args);
        return ((PluginsCommand) result.subcommand().commandSpec().userObject()).connection;
    }
}
