package io.relaybox.testkit.containers;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.testcontainers.DockerClientFactory;

/**
 * Where the test kit runs PostgreSQL, Kafka and the rest for a test run: as local processes (the process library) or
 * in containers (Testcontainers). {@value #VARIABLE} asks for one: {@code local}, {@code containers} or {@code auto}
 * (the default): containers when a Docker engine answers, else local processes. The choice is made once per test JVM
 * and logged in one line ({@link #current()}).
 */
public enum TestkitBackend {

    LOCAL,
    CONTAINERS;

    /** The environment variable that asks for a backend. */
    public static final String VARIABLE = "RELAYBOX_TESTKIT";

    private static final System.Logger LOG = System.getLogger(TestkitBackend.class.getName());
    private static Choice current;

    /** What {@value #VARIABLE} asks for. */
    public enum Request {
        LOCAL, CONTAINERS, AUTO;

        static Request parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(VARIABLE + " must be local, containers or auto (default auto), not '" + value + "'");
            }
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The backend of a run and why.
     *
     * @param request what {@value #VARIABLE} asked for
     * @param backend the backend chosen
     * @param dockerAnswers whether a Docker engine answered; false too when nobody asked (a local run does not look)
     */
    public record Choice(Request request, TestkitBackend backend, boolean dockerAnswers) {

        public Choice {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(backend, "backend");
        }

        /** False when containers were asked for and no Docker engine answers: the run must be skipped, never run locally. */
        public boolean runnable() {
            return backend == LOCAL || dockerAnswers;
        }

        /** Whether {@value #VARIABLE} named the backend, as opposed to {@code auto} choosing it. */
        public boolean explicit() {
            return request != Request.AUTO;
        }

        /** The reason a test that needs this backend is skipped; only when not {@link #runnable()}. */
        public String skipMessage() {
            if (runnable()) {
                throw new IllegalStateException("the " + this + " backend runs: nothing is skipped");
            }
            return VARIABLE + "=containers but no Docker engine answers: container-backed run skipped";
        }

        /** The one line that says which backend this run uses and why. */
        public String describe() {
            if (!runnable()) {
                return "relaybox test kit: " + skipMessage() + " (nothing runs on local processes instead)";
            }
            String what = backend == LOCAL ? "local processes" : "containers (Testcontainers)";
            String why = switch (request) {
                case LOCAL -> VARIABLE + "=local";
                case CONTAINERS -> VARIABLE + "=containers and a Docker engine answers";
                case AUTO -> VARIABLE + " is auto (the default) and " + (dockerAnswers ? "a" : "no") + " Docker engine answers";
            };
            return "relaybox test kit: " + what + ", because " + why;
        }
    }

    /**
     * The backend for an environment. Asks {@code dockerAnswers} only when the answer matters (not for {@code local}).
     *
     * @param environment the process environment, or a stand-in; only {@value #VARIABLE} is read
     * @throws IllegalArgumentException when {@value #VARIABLE} is neither local, containers nor auto
     */
    public static Choice choose(Map<String, String> environment, BooleanSupplier dockerAnswers) {
        Request request = Request.parse(environment.get(VARIABLE));
        return switch (request) {
            case LOCAL -> new Choice(request, LOCAL, false);
            case CONTAINERS -> new Choice(request, CONTAINERS, dockerAnswers.getAsBoolean());
            case AUTO -> {
                boolean answers = dockerAnswers.getAsBoolean();
                yield new Choice(request, answers ? CONTAINERS : LOCAL, answers);
            }
        };
    }

    /**
     * This JVM's choice, from its environment and Testcontainers' look for a Docker engine; made and logged once.
     *
     * @throws IllegalArgumentException (each time) when {@value #VARIABLE} is neither local, containers nor auto
     */
    public static synchronized Choice current() {
        if (current == null) {
            current = choose(System.getenv(), TestkitBackend::dockerAnswers);
            LOG.log(System.Logger.Level.INFO, current.describe());
        }
        return current;
    }

    /** Whether Testcontainers finds a Docker engine that answers (a socket, DOCKER_HOST, ~/.testcontainers.properties...). */
    public static boolean dockerAnswers() {
        return DockerClientFactory.instance().isDockerAvailable();
    }
}
