package io.relaybox.connectctl.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.relaybox.connectctl.WorkerUrl;
import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.Profile;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Which worker to talk to and as whom: the options every command that calls the worker shares. */
final class ConnectionOptions {

    static final String DEFAULT_PROFILE = "local";
    static final Path DEFAULT_RUN_FOLDER = Path.of(".relaybox");

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL",
            description = "The worker's REST API, e.g. http://127.0.0.1:8083. Default: $CONNECT_URL, else the URL of the profile "
                    + "given with --profile, else the running platform's (run folder), else the local profile's.")
    String url;

    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = "local (default) or docker, or a profile file: the worker URL and the settings replaced in every "
                    + "connector that has them (host names, ports). Default: $CONNECTCTL_PROFILE, else local.")
    String profile;

    @Option(names = "--user", paramLabel = "USER", description = "REST API user (HTTP basic authentication). Default: $CONNECT_USER.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "REST API password; other users on this machine can see it in the process list: prefer "
                    + "$CONNECT_PASSWORD, --credentials-file or --run-folder.")
    String password;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "A properties file user=password (like the worker's own); with several lines --user picks one.")
    Path credentialsFile;

    @Option(names = "--run-folder", paramLabel = "DIR",
            description = "The local platform's run folder: its generated REST API password (secrets.properties) and, while it "
                    + "runs, the worker's URL (platform.json). Default: $RELAYBOX_RUN_FOLDER, else ./.relaybox when it exists.")
    Path runFolder;

    private Credentials used;

    /** A client of the chosen worker with the found credentials (none when nothing names any). */
    ConnectClient client(Map<String, String> environment) {
        ConnectClient client = ConnectClient.of(url(environment));
        Optional<Credentials> credentials = credentials(environment);
        used = credentials.orElse(null);
        return credentials.map(c -> client.withBasicAuth(c.user(), c.password())).orElse(client);
    }

    /** The loaded profile (local unless one was named). */
    Profile profile(Map<String, String> environment) {
        return Profile.load(profileName(environment).orElse(DEFAULT_PROFILE));
    }

    /** Where the credentials in use came from, for the message of a 401. */
    String credentialsOrigin() {
        return used == null ? "no credentials were sent (give --user and --password, --credentials-file, --run-folder, or "
                + "CONNECT_USER and CONNECT_PASSWORD)" : "user " + used.user() + " from " + used.origin();
    }

    URI url(Map<String, String> environment) {
        if (url != null) {
            return workerUrl(url, "--url");
        }
        String variable = environment.get("CONNECT_URL");
        if (variable != null && !variable.isBlank()) {
            return workerUrl(variable, "$CONNECT_URL");
        }
        Optional<String> namedProfile = profileName(environment);
        if (namedProfile.isPresent()) {
            return requireUrl(Profile.load(namedProfile.get()));
        }
        return runFolder(environment).flatMap(RunFolder::connectUrl).orElseGet(() -> requireUrl(Profile.load(DEFAULT_PROFILE)));
    }

    Optional<Credentials> credentials(Map<String, String> environment) {
        if (password != null) {
            if (user == null) {
                throw new ParameterException(spec.commandLine(), "--password needs --user");
            }
            return Optional.of(new Credentials(user, password, "--user/--password"));
        }
        if (credentialsFile != null) {
            return Optional.of(fromFile(credentialsFile));
        }
        if (runFolder != null) {
            return Optional.of(new RunFolder(runFolder).credentials().orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--run-folder " + runFolder + ": no " + RunFolder.PASSWORD_KEY + " in its secrets.properties")));
        }
        String envUser = environment.get("CONNECT_USER");
        String envPassword = environment.get("CONNECT_PASSWORD");
        if (envPassword != null) {
            String name = user != null ? user : envUser;
            if (name == null) {
                throw new ParameterException(spec.commandLine(), "CONNECT_PASSWORD is set but neither CONNECT_USER nor --user");
            }
            return Optional.of(new Credentials(name, envPassword, "CONNECT_USER/CONNECT_PASSWORD"));
        }
        return runFolder(environment).flatMap(RunFolder::credentials);
    }

    private Optional<String> profileName(Map<String, String> environment) {
        if (profile != null) {
            return Optional.of(profile);
        }
        return Optional.ofNullable(environment.get("CONNECTCTL_PROFILE")).filter(p -> !p.isBlank());
    }

    private Optional<RunFolder> runFolder(Map<String, String> environment) {
        if (runFolder != null) {
            return Optional.of(new RunFolder(runFolder));
        }
        String variable = environment.get("RELAYBOX_RUN_FOLDER");
        if (variable != null && !variable.isBlank()) {
            return Optional.of(new RunFolder(Path.of(variable)));
        }
        return Files.isDirectory(DEFAULT_RUN_FOLDER) ? Optional.of(new RunFolder(DEFAULT_RUN_FOLDER)) : Optional.empty();
    }

    private URI workerUrl(String text, String where) {
        try {
            return WorkerUrl.parse(text, where);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private URI requireUrl(Profile profile) {
        return profile.connectUrl().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "profile " + profile.name() + " names no connect.url: give --url"));
    }

    private Credentials fromFile(Path file) {
        Properties entries = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            entries.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials file " + file + ": " + e.getMessage(), e);
        }
        if (user != null) {
            String found = entries.getProperty(user);
            if (found == null) {
                throw new ParameterException(spec.commandLine(), "--credentials-file " + file + " has no password for user " + user);
            }
            return new Credentials(user, found, file.toString());
        }
        if (entries.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--credentials-file " + file + " holds " + entries.size()
                    + " users: pick one with --user");
        }
        String name = entries.stringPropertyNames().iterator().next();
        return new Credentials(name, entries.getProperty(name), file.toString());
    }
}
