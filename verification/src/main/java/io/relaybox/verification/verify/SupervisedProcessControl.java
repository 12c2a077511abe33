package io.relaybox.verification.verify;

import java.time.Duration;

import io.relaybox.platform.PlatformSupervisor;

/**
 * {@link ProcessControl} through the platform's supervisor: a process the schedule kills is restarted by the supervisor,
 * with its backoff and counted, exactly as a crash outside a verification run would be; stops and starts are the
 * operator's {@code ./platform stop|start NAME}.
 */
public final class SupervisedProcessControl implements ProcessControl {

    private final PlatformSupervisor supervisor;

    public SupervisedProcessControl(PlatformSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public void kill(String name) {
        supervisor.kill(name, PlatformSupervisor.DrillSignal.KILL);
    }

    @Override
    public void killAndHold(String name) {
        supervisor.killAndHold(name);
    }

    @Override
    public void stop(String name) {
        supervisor.stop(name);
    }

    @Override
    public void start(String name) {
        supervisor.start(name);
    }

    @Override
    public void awaitRunning(String name, Duration timeout) {
        supervisor.awaitRunning(name, timeout);
    }
}
