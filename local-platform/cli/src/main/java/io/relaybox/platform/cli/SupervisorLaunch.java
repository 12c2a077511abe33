package io.relaybox.platform.cli;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.relaybox.platform.LogTail;
import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformState;

/**
 * Launches the supervisor JVM ({@code supervise}) in its own session, detached from the terminal, and follows its log
 * until the platform is ready or the supervisor gave up.
 */
final class SupervisorLaunch {

    private final Path runFolder;
    private final Path log;
    private final Process launched;
    private long printed;

    private SupervisorLaunch(Path runFolder, Path log, Process launched, long printed) {
        this.runFolder = runFolder;
        this.log = log;
        this.launched = launched;
        this.printed = printed;
    }

    /** Starts {@code PlatformCli supervise} with this JVM's classpath, its output appended to the supervisor log. */
    static SupervisorLaunch start(Path runFolder, List<String> superviseArguments) {
        Path log = runFolder.resolve("logs").resolve(SuperviseCommand.LOG_FILE);
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        for (String property : List.of("relaybox.home", "java.io.tmpdir")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlatformCli.class.getName(), "supervise",
                "--run-folder", runFolder.toString()));
        command.addAll(superviseArguments);
        try {
            Files.createDirectories(log.getParent());
            long offset = Files.exists(log) ? Files.size(log) : 0;
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            return new SupervisorLaunch(runFolder, log, process, offset);
        } catch (IOException e) {
            throw new PlatformException("cannot launch the supervisor: " + e.getMessage(), e);
        }
    }

    /**
     * Prints the supervisor's log lines as they come, until {@code platform.json} says it is READY (true) or it failed or
     * died (false; the end of its log is printed).
     */
    boolean followUntilReady() throws InterruptedException {
        while (true) {
            printNewLines();
            Optional<PlatformState.Supervisor> supervisor = PlatformState.read(runFolder).map(PlatformState::supervisor)
                    .filter(s -> s != null);
            String phase = supervisor.filter(PlatformState.Supervisor::isAlive).map(PlatformState.Supervisor::phase).orElse(null);
            if (PlatformState.Supervisor.READY.equals(phase)) {
                printNewLines();
                return true;
            }
            boolean gone = !launched.isAlive() && phase == null;
            if (gone || PlatformState.Supervisor.FAILED.equals(phase)) {
                Thread.sleep(200);
                printNewLines();
                System.out.println("the supervisor stopped (see " + log + "); " + LogTail.of(log, 15));
                return false;
            }
            Thread.sleep(200);
        }
    }

    private void printNewLines() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            if (file.length() <= printed) {
                return;
            }
            file.seek(printed);
            byte[] bytes = new byte[(int) (file.length() - printed)];
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1;
            text.substring(0, end).lines().forEach(line -> System.out.println("  " + line));
            printed += text.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
        } catch (IOException e) {
            // not written yet
        }
    }
}
