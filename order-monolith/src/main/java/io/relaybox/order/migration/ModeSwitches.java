package io.relaybox.order.migration;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.relaybox.order.Capability;
import io.relaybox.order.MigrationMode;
import io.relaybox.order.legacy.LegacyState;

/**
 * Switches a capability's mode at run time, in one transaction that keeps new orders out until it commits (they wait,
 * then are placed under the new mode). Where the side whose state decides changes, the other side's state is
 * back-filled from it first, so that both start equal:
 *
 * <ul>
 * <li>into {@code shadow} from {@code monolith}, and from {@code monolith} or {@code shadow} to {@code sync} or
 * {@code events}: the service's stock (accounts) and reservations (payments) become a copy of the legacy module's
 * ({@code PUT /migration/state} on the service); leaving {@code shadow}, the run's orders must all be compared first,
 * and without {@code force} none may have mismatched (the diff is empty before a cut-over);</li>
 * <li>back from {@code sync} or {@code events} to {@code monolith} or {@code shadow} (a rollback): the orders the service
 * decides must all be decided first, then the legacy module's state becomes a copy of the service's
 * ({@code GET /migration/state}).</li>
 * </ul>
 *
 * Every switch is recorded with who, when and why.
 */
@Service
public class ModeSwitches {

    private static final Logger LOG = LoggerFactory.getLogger(ModeSwitches.class);

    private final MigrationModes modes;
    private final MigrationDiff diff;
    private final LegacyState legacy;
    private final ServiceStates services;
    private final JdbcClient jdbc;
    private final Duration drainTimeout;
    private final SwitchGate gate;

    ModeSwitches(MigrationModes modes, MigrationDiff diff, LegacyState legacy, ServiceStates services, JdbcClient jdbc, SwitchGate gate,
            @Value("${relaybox.migration.drain-timeout:60s}") Duration drainTimeout) {
        this.modes = modes;
        this.gate = gate;
        this.diff = diff;
        this.legacy = legacy;
        this.services = services;
        this.jdbc = jdbc;
        this.drainTimeout = drainTimeout;
    }

    /**
     * Sets the capability's mode for the orders placed from now on.
     *
     * @param shadowShare the share of orders a shadow run compares (0 to 1)
     * @param force leave shadow without waiting for the run's last comparisons, even though it found mismatches (the
     *        back-fill gives the service the legacy decisions of the orders still in flight, so none is decided twice)
     * @throws SwitchRefusedException when orders are still in flight after the drain timeout, or the diff is not empty
     * @throws ServiceUnavailableException when the service could not give or take its state
     */
    @Transactional
    public ModeSetting switchMode(Capability capability, MigrationMode to, BigDecimal shadowShare, String changedBy, String reason,
            boolean force) {
        long started = System.nanoTime();
        gate.opened();
        // the placements held back wake once the transaction ended (committed or rolled back): the lock is free then
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                gate.closed();
            }
        });
        modes.lockForSwitch();
        MigrationMode from = modes.find(capability).orElseThrow().mode();
        ModeSetting set = switchLocked(capability, from, to, shadowShare, changedBy, reason, force);
        LOG.info("{} switched from {} to {} by {} in {} ms (placements held back meanwhile): {}", capability.wireName(), from.wireName(),
                to.wireName(), changedBy, (System.nanoTime() - started) / 1_000_000, reason);
        return set;
    }

    private ModeSetting switchLocked(Capability capability, MigrationMode from, MigrationMode to, BigDecimal shadowShare, String changedBy,
            String reason, boolean force) {
        if (from.legacyAuthoritative() && !to.legacyAuthoritative()) {
            if (from == MigrationMode.SHADOW && !force) {
                requireCleanShadowRun(capability);
            }
            backfillService(capability);
        } else if (!from.legacyAuthoritative() && to.legacyAuthoritative()) {
            drainServiceDecisions(capability);
            backfillLegacy(capability);
        } else if (from == MigrationMode.MONOLITH && to == MigrationMode.SHADOW) {
            backfillService(capability);
        }
        return modes.set(capability, from, to, shadowShare, changedBy, reason);
    }

    private void requireCleanShadowRun(Capability capability) {
        long run = modes.latestShadowRun(capability).orElseThrow();
        awaitDrained("orders of the shadow run the service has not reported yet", () -> diff.counts(run).pending());
        MigrationDiff.Counts counts = diff.counts(run);
        if (counts.mismatched() > 0) {
            throw new SwitchRefusedException("the shadow run of " + capability.wireName() + " found " + counts.mismatched()
                    + " mismatches (of " + (counts.matched() + counts.mismatched()) + " orders): see GET /migration/diff;"
                    + " cut over anyway with force");
        }
    }

    private void drainServiceDecisions(Capability capability) {
        String column = capability == Capability.INVENTORY ? "inventory" : "payment";
        awaitDrained("orders " + capability.wireName() + "-service has not decided yet",
                () -> jdbc.sql("SELECT count(*) FROM orders WHERE status = 'PENDING' AND " + column + "_status IS NULL AND " + column
                        + "_mode IN ('sync', 'events')").query(Long.class).single());
    }

    /** Waits (polling the database, in this transaction) until nothing is in flight, or refuses the switch. */
    private void awaitDrained(String what, LongSupplier inFlight) {
        Instant deadline = Instant.now().plus(drainTimeout);
        long left = inFlight.getAsLong();
        while (left > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new SwitchRefusedException(left + " " + what + " after " + drainTimeout.toSeconds()
                        + " s (is the service running?); nothing was switched");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SwitchRefusedException("interrupted while waiting for " + what);
            }
            left = inFlight.getAsLong();
        }
    }

    private void backfillService(Capability capability) {
        legacy.holdForBackfill();
        if (capability == Capability.INVENTORY) {
            services.replaceInventory(legacy.inventory());
        } else {
            services.replacePayment(legacy.payment());
        }
    }

    private void backfillLegacy(Capability capability) {
        if (capability == Capability.INVENTORY) {
            legacy.replaceInventory(services.inventory());
        } else {
            legacy.replacePayment(services.payment());
        }
    }
}
