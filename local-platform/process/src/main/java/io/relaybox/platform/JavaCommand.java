package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a JVM child process, on the same Java as the launcher, with the options of
 * {@value #OPTIONS_VARIABLE} last before the main class or jar (so that they win over the process's own).
 */
final class JavaCommand {

    /**
     * Extra options for every JVM the platform starts (Elasticsearch's excepted: its launcher reads {@code ES_JAVA_OPTS}),
     * separated by white space. The build's tests set {@code -XX:TieredStopAtLevel=1}: with the JIT's first tier only,
     * the services start in about half the time on two cores, at a cost in peak throughput no test measures.
     */
    static final String OPTIONS_VARIABLE = "RELAYBOX_JVM_OPTIONS";

    private final List<String> command = new ArrayList<>();
    private final List<String> extraOptions;

    private JavaCommand(List<String> extraOptions) {
        this.extraOptions = extraOptions;
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    }

    static JavaCommand java() {
        return withExtraOptions(System.getenv(OPTIONS_VARIABLE));
    }

    /** A command with these extra options ({@value #OPTIONS_VARIABLE}'s value; null or blank: none). */
    static JavaCommand withExtraOptions(String options) {
        return new JavaCommand(options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+")));
    }

    JavaCommand heap(String max) {
        command.add("-Xmx" + max);
        return this;
    }

    JavaCommand option(String option) {
        command.add(option);
        return this;
    }

    /** Loads the metrics agent, when there is one. */
    JavaCommand agent(MetricsAgent agent) {
        if (agent != null) {
            command.add(agent.javaOption());
        }
        return this;
    }

    /**
     * The JVM's temporary folder ({@code java.io.tmpdir}), a folder of the process inside the run folder: Tomcat's work
     * folders and the native libraries Kafka's clients and RocksDB unpack stay there (and {@code down --purge} deletes
     * them) instead of piling up in the system's temporary folder each time a process is killed. The process creates
     * it with {@link #createTempFolder} before it starts.
     */
    JavaCommand tempFolder(Path folder) {
        return systemProperty("java.io.tmpdir", folder.toAbsolutePath());
    }

    /** Creates the temporary folder of {@link #tempFolder}, emptied of what an earlier (killed) JVM left there. */
    static void createTempFolder(Path folder) {
        Folders.deleteRecursively(folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PlatformException("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }

    JavaCommand systemProperty(String name, Object value) {
        command.add("-D" + name + "=" + value);
        return this;
    }

    /** All jars of the folder; the wildcard reaches java unexpanded, as one argument. */
    JavaCommand classpathFolder(Path folder) {
        command.add("-cp");
        command.add(folder.toAbsolutePath() + "/*");
        return this;
    }

    JavaCommand mainClass(String className, String... arguments) {
        command.addAll(extraOptions);
        command.add(className);
        command.addAll(List.of(arguments));
        return this;
    }

    JavaCommand jar(Path jar, String... arguments) {
        command.addAll(extraOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(arguments));
        return this;
    }

    List<String> build() {
        return List.copyOf(command);
    }
}
