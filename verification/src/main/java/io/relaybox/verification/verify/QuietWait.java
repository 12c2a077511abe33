package io.relaybox.verification.verify;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The waits of an audit, all within one deadline: each polls how much of a target a part of the platform holds, until
 * it holds all of it, or it stopped changing for a while (what is missing then is not coming), or the deadline
 * passed; each prints a line when it starts and one when it ends.
 */
final class QuietWait {

    /** How much of its target a part holds now. */
    @FunctionalInterface
    interface Probe {
        long held() throws Exception;
    }

    /** How a wait ended. */
    enum Outcome {
        COMPLETE, STOPPED_CHANGING, TIMED_OUT
    }

    static final Duration POLL = Duration.ofSeconds(1);

    private final long deadline;
    private final Duration stall;
    private final PrintStream out;

    /**
     * @param timeout how long all the waits together may take
     * @param stall how long a part may hold the same amount before the wait stops waiting for it
     */
    QuietWait(Duration timeout, Duration stall, PrintStream out) {
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.stall = stall;
        this.out = out;
    }

    /** Waits until the probe reaches the target (see the class). */
    Outcome until(String what, long target, Probe probe) {
        long begin = System.nanoTime();
        out.printf(Locale.ROOT, "waiting for %s (%d expected) ...%n", what, target);
        long held = read(what, probe, -1);
        long lastChange = System.nanoTime();
        Outcome outcome;
        while (true) {
            if (held >= target) {
                outcome = Outcome.COMPLETE;
                break;
            }
            if (System.nanoTime() - lastChange > stall.toNanos()) {
                outcome = Outcome.STOPPED_CHANGING;
                break;
            }
            if (System.nanoTime() > deadline) {
                outcome = Outcome.TIMED_OUT;
                break;
            }
            Polling.sleepUntil(Instant.now().plus(POLL));
            long now = read(what, probe, held);
            if (now != held) {
                held = now;
                lastChange = System.nanoTime();
            }
        }
        out.printf(Locale.ROOT, "  %s: %d of %d after %.1f s%s%n", what, held, target, (System.nanoTime() - begin) / 1e9,
                switch (outcome) {
                    case COMPLETE -> "";
                    case STOPPED_CHANGING -> " (stopped changing for " + stall.toSeconds() + " s)";
                    case TIMED_OUT -> " (gave up: the quiet timeout passed)";
                });
        return outcome;
    }

    /** What is left of the deadline, at least a second (a last look is always taken). */
    Duration remaining() {
        return Duration.ofNanos(Math.max(Duration.ofSeconds(1).toNanos(), deadline - System.nanoTime()));
    }

    /** What the probe says, or (when it cannot tell now, e.g. a process restarting) what it said before. */
    private long read(String what, Probe probe, long before) {
        try {
            return probe.held();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            out.println("  " + what + ": cannot tell now (" + e + "), asking again");
            return before;
        }
    }
}
