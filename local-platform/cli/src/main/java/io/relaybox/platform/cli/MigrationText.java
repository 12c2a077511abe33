package io.relaybox.platform.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.relaybox.platform.MigrationApi.CapabilityMode;
import io.relaybox.platform.MigrationApi.ModeChange;
import io.relaybox.platform.MigrationDiff;
import tools.jackson.databind.JsonNode;

/** The migration API's answers as {@code ./platform migrate} and {@code status} print them: pure, so tested without a monolith. */
final class MigrationText {

    /** The modes' table: capability, mode, share, changed at, by, reason. */
    static final String MODE_FORMAT = "%-12s %-9s %-6s %-28s %-12s %s";
    private static final String HISTORY_FORMAT = "%-28s %-9s %-9s %-6s %-12s %s";
    /** Enough of a side's detail to see what differs; {@code --json} prints all of it. */
    static final int DETAIL_LIMIT = 200;

    private MigrationText() {
    }

    /** A heading line, then one line per capability. */
    static List<String> modes(List<CapabilityMode> modes) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(MODE_FORMAT, "CAPABILITY", "MODE", "SHARE", "CHANGED AT", "BY", "REASON").stripTrailing());
        modes.forEach(m -> lines.add(modeLine(m.capability(), m.mode(), m.shadowShare(), m.changedAt(), m.changedBy(), m.reason())));
        return lines;
    }

    /** One capability's row of the modes' table. */
    static String modeLine(String capability, String mode, Double shadowShare, Instant changedAt, String changedBy, String reason) {
        return String.format(MODE_FORMAT, capability, mode, share(mode, shadowShare), orDash(changedAt), orDash(changedBy), orDash(reason))
                .stripTrailing();
    }

    /** What a switch the monolith made says: {@code inventory is now shadow (share 0.25) since ..., by alice: why}. */
    static String switched(CapabilityMode mode) {
        String share = "shadow".equals(mode.mode()) && mode.shadowShare() != null ? " (share " + number(mode.shadowShare()) + ")" : "";
        return mode.capability() + " is now " + mode.mode() + share + " since " + orDash(mode.changedAt()) + ", by " + orDash(mode.changedBy())
                + (mode.reason() == null || mode.reason().isBlank() ? "" : ": " + mode.reason());
    }

    /** A heading line, then one line per switch, newest first as the monolith sends them. */
    static List<String> history(String capability, List<ModeChange> changes) {
        List<String> lines = new ArrayList<>();
        if (changes.isEmpty()) {
            lines.add(capability + " was never switched");
            return lines;
        }
        lines.add(String.format(HISTORY_FORMAT, "CHANGED AT", "FROM", "TO", "SHARE", "BY", "REASON").stripTrailing());
        changes.forEach(c -> lines.add(String.format(HISTORY_FORMAT, orDash(c.changedAt()), orDash(c.fromMode()), orDash(c.toMode()),
                share(c.toMode(), c.shadowShare()), orDash(c.changedBy()), orDash(c.reason())).stripTrailing()));
        return lines;
    }

    /**
     * Per capability: its mode; the matched, mismatched and pending orders; the mismatches by category; the latest
     * mismatches, each with the legacy and the service side on a line of their own.
     */
    static List<String> report(MigrationDiff diff) {
        List<String> lines = new ArrayList<>();
        if (diff.capabilities().isEmpty()) {
            lines.add("the monolith compares no capability");
        }
        for (MigrationDiff.CapabilityDiff capability : diff.capabilities()) {
            lines.add(capability.capability() + ": " + capability.mode());
            lines.add(String.format("  matched %d   mismatched %d   pending %d", capability.matched(), capability.mismatched(),
                    capability.pending()));
            if (!capability.byCategory().isEmpty()) {
                lines.add("  by category: " + capability.byCategory().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
            if (capability.latestMismatches().isEmpty()) {
                lines.add("  no mismatches recorded");
                continue;
            }
            lines.add("  latest mismatches:");
            for (MigrationDiff.Mismatch mismatch : capability.latestMismatches()) {
                lines.add("    order " + orDash(mismatch.orderId()) + "  " + orDash(mismatch.category()) + "  recorded "
                        + orDash(mismatch.recordedAt()));
                lines.add("      legacy   " + side(mismatch.legacy()));
                lines.add("      service  " + side(mismatch.service()));
            }
        }
        return lines;
    }

    /** {@code REJECTED  812.0 ms  error: ...  {"shortSkus":["A-1"]}}, or that the side gave no answer. */
    static String side(MigrationDiff.Side side) {
        if (side == null) {
            return "(no answer)";
        }
        List<String> parts = new ArrayList<>();
        parts.add(orDash(side.outcome()));
        if (side.millis() != null) {
            parts.add(String.format(Locale.ROOT, "%.1f ms", side.millis()));
        }
        if (side.error() != null && !side.error().isBlank()) {
            parts.add("error: " + side.error());
        }
        if (side.detail() != null && !side.detail().isNull()) {
            parts.add(detail(side.detail()));
        }
        return String.join("  ", parts);
    }

    /** The share of orders a shadow mode sends to the service too; {@code -} for the other modes, where it means nothing. */
    static String share(String mode, Double shadowShare) {
        return "shadow".equals(mode) && shadowShare != null ? number(shadowShare) : "-";
    }

    private static String detail(JsonNode detail) {
        String text = detail.toString();
        return text.length() > DETAIL_LIMIT ? text.substring(0, DETAIL_LIMIT) + "... (--json shows all)" : text;
    }

    /** 0.25 as {@code 0.25}, 1.0 as {@code 1}. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String orDash(Object value) {
        return value == null || value.toString().isBlank() ? "-" : value.toString();
    }
}
