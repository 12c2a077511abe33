package io.relaybox.platform;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Sends signals to processes, also to those started by an earlier launcher or running as another user. */
final class Signals {

    private Signals() {
    }

    static void send(ProcessHandle process, StopSignal signal) {
        if (signal == StopSignal.TERM) {
            process.destroy();
            return;
        }
        // ProcessHandle only sends SIGTERM and SIGKILL; kill(1) sends the rest.
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal.name(), Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new PlatformException("cannot signal PID " + process.pid() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
