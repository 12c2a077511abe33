package io.relaybox.peers.driver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.relaybox.peers.writers.PeerWriters;

/**
 * One JVM of a peer application, its output appended to a log file. Every one still alive is killed when the
 * driver's JVM ends ({@link #killAll}), so that an interrupted benchmark leaves nothing running.
 */
final class PeerProcess implements AutoCloseable {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    private final Process process;
    private final Path log;
    private final long logStart;

    private PeerProcess(Process process, Path log, long logStart) {
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    /**
     * Starts {@code java -jar} of the jar with the system properties and the password in {@code PEER_PASSWORD}.
     */
    static PeerProcess start(Path jar, Map<String, String> properties, String password, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PEER_PASSWORD", password);
        Process process = builder.start();
        LIVE.add(process);
        return new PeerProcess(process, log, logStart);
    }

    /** Kills every peer process still alive. */
    static void killAll() {
        for (Process process : LIVE) {
            process.destroyForcibly();
        }
        LIVE.clear();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the process printed {@link PeerWriters#READY}; fails when it exits first or the timeout passes. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(PeerWriters.READY)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the peer process did not get ready (" + (process.isAlive() ? "timeout" : "exited")
                        + "); the end of " + log + ":\n" + tail());
            }
            Thread.sleep(100);
        }
    }

    /** Lets the writers start. */
    void go() throws IOException {
        OutputStream in = process.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** kill -9, as a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        LIVE.remove(process);
    }

    /** Stops the process cleanly (SIGTERM), killing it when it does not within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process);
    }

    private String output() throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        return new String(bytes, (int) Math.min(logStart, bytes.length), (int) Math.max(0, bytes.length - logStart), StandardCharsets.UTF_8);
    }

    private String tail() throws IOException {
        String output = output();
        return output.substring(Math.max(0, output.length() - 4000));
    }
}
