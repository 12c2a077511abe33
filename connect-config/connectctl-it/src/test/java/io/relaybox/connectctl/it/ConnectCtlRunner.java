package io.relaybox.connectctl.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.relaybox.connectctl.cli.ConnectCtl;
import io.relaybox.platform.PlatformException;
import io.relaybox.testkit.TestStack;

/**
 * Runs connectctl in this JVM as a user would from a shell against the test stack: through picocli with the tool's
 * own error handling, the output captured. Its environment names the worker through a profile file
 * ({@code CONNECTCTL_PROFILE}: the worker's URL, the database's host and port) and the credentials
 * ({@code CONNECT_USER}, {@code CONNECT_PASSWORD}); options given to {@link #run} take precedence, as in a shell.
 */
final class ConnectCtlRunner {

    /**
     * What one run printed and returned.
     *
     * @param status the exit status
     * @param out standard output
     * @param err standard error
     */
    record Result(int status, String out, String err) {

        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final Map<String, String> environment;

    private ConnectCtlRunner(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A runner against the stack's worker, with a profile that points connectors at its PostgreSQL. */
    static ConnectCtlRunner against(TestStack stack) {
        Path profile = stack.folder("connectctl").resolve("test-stack.properties");
        try {
            Files.writeString(profile, "connect.url=" + stack.connectUrl() + "\n"
                    + "set.database.hostname=127.0.0.1\n"
                    + "set.database.port=" + stack.postgres().port() + "\n");
        } catch (java.io.IOException e) {
            throw new PlatformException("cannot write " + profile, e);
        }
        return new ConnectCtlRunner(Map.of("CONNECTCTL_PROFILE", profile.toString(), "CONNECT_USER", TestStack.CONNECT_USER,
                "CONNECT_PASSWORD", stack.connectPassword()));
    }

    /** The same runner with more (or other) environment variables. */
    ConnectCtlRunner withEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(variables);
        return new ConnectCtlRunner(merged);
    }

    /** The same runner without these environment variables. */
    ConnectCtlRunner without(String... variables) {
        Map<String, String> reduced = new HashMap<>(environment);
        for (String variable : variables) {
            reduced.remove(variable);
        }
        return new ConnectCtlRunner(reduced);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ConnectCtl.commandLine(new ConnectCtl(environment))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(status, out.toString(), err.toString());
    }
}
