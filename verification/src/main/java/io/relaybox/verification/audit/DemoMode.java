package io.relaybox.verification.audit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import io.relaybox.platform.MigrationApi;
import io.relaybox.platform.MigrationDiff;

/**
 * The migration mode a demo runs both capabilities in ({@code ./platform demo --mode}): monolith, sync, shadow or
 * events. The demo seeds the services' stock and accounts; so that the seed reaches the legacy module too, both
 * capabilities go to events first (a switch back from the legacy module copies its state to the services), the seed is
 * applied, and the switch to the demo's mode copies it where it is needed.
 */
public final class DemoMode {

    public static final List<String> MODES = List.of("monolith", "sync", "shadow", "events");
    private static final List<String> CAPABILITIES = List.of("inventory", "payment");
    private static final Duration POLL = Duration.ofMillis(500);

    private final MigrationApi migration;
    private final String mode;

    public DemoMode(MigrationApi migration, String mode) {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("mode must be one of " + MODES + ", was: " + mode);
        }
        this.migration = migration;
        this.mode = mode;
    }

    public String mode() {
        return mode;
    }

    /** The side whose ledger the demo's invariants read. */
    Ledger ledger() {
        return Ledger.authoritativeIn(mode);
    }

    /**
     * Brings both capabilities to events, runs the seed, then switches them to the demo's mode. The switch to events is
     * forced: a demo starts over, so a shadow run an earlier demo left behind ends whatever it found (its mismatches
     * would refuse the cut-over otherwise).
     */
    void prepare(Runnable seed, PrintStream out) {
        for (String capability : CAPABILITIES) {
            if (!migration.modes().stream().anyMatch(m -> m.capability().equals(capability) && m.mode().equals("events"))) {
                migration.switchMode(capability, "events", "demo", "./platform demo: seed the services' stock and accounts", null, true);
            }
        }
        seed.run();
        if (!mode.equals("events")) {
            for (String capability : CAPABILITIES) {
                migration.switchMode(capability, mode, "demo", "./platform demo --mode " + mode, null, false);
            }
        }
        out.println("migration mode of inventory and payment: " + mode);
    }

    /**
     * In shadow mode, the mismatches the parallel run found once every order was compared (or the timeout passed);
     * 0 in the other modes, which compare nothing.
     */
    long diffs(Duration timeout, PrintStream out) throws InterruptedException {
        if (!mode.equals("shadow")) {
            return 0;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        MigrationDiff diff = migration.diff();
        while (diff.capabilities().stream().anyMatch(c -> c.pending() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            diff = migration.diff();
        }
        long mismatched = 0;
        for (MigrationDiff.CapabilityDiff capability : diff.capabilities()) {
            out.printf("shadow run of %s: %d matched, %d mismatched %s, %d pending%n", capability.capability(), capability.matched(),
                    capability.mismatched(), capability.byCategory(), capability.pending());
            mismatched += capability.mismatched() + capability.pending();
        }
        return mismatched;
    }
}
