package io.relaybox.verification.verify;

import java.time.Duration;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ManagedProcess;

/**
 * {@link ProcessControl} over a platform this JVM started: a killed process is started again at once, as a supervisor
 * restarts a process that exits unasked; {@code platform.json} is rewritten after every start.
 */
public final class LocalProcessControl implements ProcessControl {

    private final LocalPlatform platform;

    public LocalProcessControl(LocalPlatform platform) {
        this.platform = platform;
    }

    @Override
    public void kill(String name) {
        ManagedProcess process = process(name);
        process.kill();
        process.start();
        platform.saveState();
    }

    @Override
    public void stop(String name) {
        process(name).stop();
    }

    @Override
    public void start(String name) {
        process(name).start();
        platform.saveState();
    }

    @Override
    public void awaitRunning(String name, Duration timeout) {
        process(name).awaitReady(timeout);
    }

    private ManagedProcess process(String name) {
        ManagedProcess process = platform.processes().get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process " + name + "; there are " + platform.processes().keySet());
        }
        return process;
    }
}
