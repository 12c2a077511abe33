package io.relaybox.verification.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.relaybox.platform.ManagedProcess;

/**
 * Java Flight Recorder profiles of the platform's JVMs (the services, the Connect worker, the broker) over one
 * benchmark step, started on the running processes with {@code jcmd <pid> JFR.start}: nothing is restarted. Read a
 * recording with {@code jfr view hot-methods <file>} (JDK 21 or later) or JDK Mission Control.
 */
final class FlightRecordings {

    private final Path folder;
    private final Path jcmd;

    FlightRecordings(Path folder) {
        this.folder = folder;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /**
     * Starts a recording of the given length (JFR's {@code default} settings: a method sample every 20 ms, low
     * overhead) in every live JVM of the platform; a JVM that refuses is reported and left out. Even so, nine JVMs
     * recording on two cores slow the platform down: a profiled run's figures are not the benchmark's (the
     * {@code profile} settings, tried first, made 25 orders/s fall behind where 50/s kept up without recordings).
     *
     * @return the files the recordings will be written to when they end
     */
    List<Path> record(Map<String, ManagedProcess> processes, String label, long seconds) throws InterruptedException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, ManagedProcess> process : processes.entrySet()) {
            if (!process.getValue().isAlive() || !isJava(process.getValue().pid())) {
                continue;
            }
            Path file = folder.resolve(process.getKey() + "-" + label + ".jfr").toAbsolutePath();
            try {
                Process jfr = new ProcessBuilder(jcmd.toString(), Long.toString(process.getValue().pid()), "JFR.start",
                        "name=bench-" + label, "settings=default", "duration=" + seconds + "s", "filename=" + file)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (jfr.waitFor(30, TimeUnit.SECONDS) && jfr.exitValue() == 0) {
                    files.add(file);
                } else {
                    jfr.destroyForcibly();
                    System.out.printf("  no flight recording of %s (jcmd failed)%n", process.getKey());
                }
            } catch (IOException e) {
                System.out.printf("  no flight recording of %s: %s%n", process.getKey(), e.getMessage());
            }
        }
        return files;
    }

    private static boolean isJava(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().command()).map(command -> command.endsWith("/java")).orElse(false);
    }
}
