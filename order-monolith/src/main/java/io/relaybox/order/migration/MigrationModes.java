package io.relaybox.order.migration;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.relaybox.order.Capability;
import io.relaybox.order.MigrationMode;
import io.relaybox.order.OrderModes;

/**
 * The table {@code migration_mode} and its audit trail {@code migration_mode_change}. A placement reads the modes under
 * a shared advisory lock and a switch writes them under the exclusive one, so an order is placed either wholly before a
 * switch (and its back-fill) or wholly after it; the advisory lock, unlike {@code FOR SHARE}, writes nothing to the
 * mode rows on every order. A placement does not wait for the lock while holding its connection: it gives up at once
 * ({@link SwitchInProgressException}) and tries again later, so that the saga, which a switch may wait for, always
 * finds a free connection.
 */
@Repository
public class MigrationModes {

    /** The advisory lock key of the mode switch (arbitrary, fixed: "RBMIGRAT"). */
    static final long SWITCH_LOCK = 0x5242_4D49_4752_4154L;

    private final JdbcClient jdbc;

    MigrationModes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The modes a new order is placed under, read in the caller's transaction. In shadow mode with a share below 1,
     * an order outside the share (by its id, so the same order always falls the same way) is decided as in monolith
     * mode.
     */
    public PlacementModes forPlacement(UUID orderId) {
        if (!jdbc.sql("SELECT pg_try_advisory_xact_lock_shared(?)").param(SWITCH_LOCK).query(Boolean.class).single()) {
            throw new SwitchInProgressException();
        }
        Map<Capability, MigrationMode> modes = new EnumMap<>(Capability.class);
        Map<Capability, Long> runs = new EnumMap<>(Capability.class);
        // a statement of its own, after the lock: a statement sees the rows as they were when it began (read committed),
        // so the statement that takes the lock could still read the modes from before a switch that committed meanwhile
        jdbc.sql("SELECT capability, mode, shadow_share, shadow_run FROM migration_mode").query(row -> {
            Capability capability = Capability.of(row.getString("capability"));
            MigrationMode mode = MigrationMode.of(row.getString("mode"));
            if (mode == MigrationMode.SHADOW) {
                if (ShadowSample.includes(orderId, row.getBigDecimal("shadow_share"))) {
                    runs.put(capability, row.getLong("shadow_run"));
                } else {
                    mode = MigrationMode.MONOLITH;
                }
            }
            modes.put(capability, mode);
        });
        return new PlacementModes(new OrderModes(modes.getOrDefault(Capability.INVENTORY, MigrationMode.EVENTS),
                modes.getOrDefault(Capability.PAYMENT, MigrationMode.EVENTS)), runs);
    }

    public List<ModeSetting> all() {
        return jdbc.sql("SELECT capability, mode, shadow_share, changed_at, changed_by, reason FROM migration_mode ORDER BY capability")
                .query(MigrationModes::setting).list();
    }

    public Optional<ModeSetting> find(Capability capability) {
        return jdbc.sql("SELECT capability, mode, shadow_share, changed_at, changed_by, reason FROM migration_mode WHERE capability = ?")
                .param(capability.wireName()).query(MigrationModes::setting).optional();
    }

    /** The id of the switch that started the capability's latest shadow run, if it ever had one. */
    public Optional<Long> latestShadowRun(Capability capability) {
        return jdbc.sql("SELECT shadow_run FROM migration_mode WHERE capability = ? AND shadow_run IS NOT NULL")
                .param(capability.wireName()).query(Long.class).optional();
    }

    /** Waits for the orders being placed to commit, and keeps new ones out until the caller's transaction ends. */
    void lockForSwitch() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(SWITCH_LOCK).query(Object.class).single();
    }

    /** Records the switch in the audit trail and sets the mode; a switch into shadow starts a new shadow run. */
    ModeSetting set(Capability capability, MigrationMode from, MigrationMode to, BigDecimal shadowShare, String changedBy, String reason) {
        long changeId = jdbc.sql("INSERT INTO migration_mode_change (capability, from_mode, to_mode, shadow_share, changed_at, changed_by, reason)"
                + " VALUES (?, ?, ?, ?, now(), ?, ?) RETURNING id")
                .params(capability.wireName(), from.wireName(), to.wireName(), shadowShare, changedBy, reason).query(Long.class).single();
        boolean newRun = to == MigrationMode.SHADOW && from != MigrationMode.SHADOW;
        jdbc.sql("UPDATE migration_mode SET mode = ?, shadow_share = ?, changed_at = now(), changed_by = ?, reason = ?,"
                + " shadow_run = CASE WHEN ? THEN ? ELSE shadow_run END WHERE capability = ?")
                .params(to.wireName(), shadowShare, changedBy, reason, newRun, changeId, capability.wireName()).update();
        return find(capability).orElseThrow();
    }

    public List<ModeChange> history(Capability capability) {
        return jdbc.sql("SELECT capability, from_mode, to_mode, shadow_share, changed_at, changed_by, reason FROM migration_mode_change"
                + " WHERE capability = ? ORDER BY id DESC")
                .param(capability.wireName())
                .query((row, n) -> new ModeChange(Capability.of(row.getString("capability")), MigrationMode.of(row.getString("from_mode")),
                        MigrationMode.of(row.getString("to_mode")), row.getBigDecimal("shadow_share"), instant(row, "changed_at"),
                        row.getString("changed_by"), row.getString("reason")))
                .list();
    }

    private static ModeSetting setting(ResultSet row, int rowNum) throws SQLException {
        return new ModeSetting(Capability.of(row.getString("capability")), MigrationMode.of(row.getString("mode")),
                row.getBigDecimal("shadow_share"), instant(row, "changed_at"), row.getString("changed_by"), row.getString("reason"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
