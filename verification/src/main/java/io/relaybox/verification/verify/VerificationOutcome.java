package io.relaybox.verification.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a verification run found: the load, the faults, the audit.
 *
 * @param seed the seed of the fault schedule and the orders: {@code --seed} repeats the run
 * @param load what became of the order requests
 * @param faults each fault as it happened
 * @param audit what the audit found
 * @param duration from the first order to the end of the audit
 */
public record VerificationOutcome(long seed, LoadTally load, List<FaultRecord> faults, AuditReport audit, Duration duration) {

    public VerificationOutcome {
        faults = List.copyOf(faults);
    }

    /** The audit's invariants hold and the platform recovered from every fault. */
    public boolean invariantsHold() {
        return audit.invariantsHold() && faults.stream().allMatch(FaultRecord::recovered);
    }

    /** No event lost, none delivered twice, every invariant held. */
    public boolean succeeded() {
        return audit.lost() == 0 && audit.duplicates() == 0 && invariantsHold();
    }

    /** The last line of the run, for humans and scripts. */
    public String verifyLine() {
        return String.format("VERIFY orders=%d events=%d faults=%d lost=%d duplicates=%d invariants=%s seed=%d seconds=%d", audit.orders(),
                audit.events(), faults.size(), audit.lost(), audit.duplicates(), invariantsHold() ? "ok" : "broken", seed,
                duration.toSeconds());
    }

    /** The report: the load, per sink what it holds, per fault when and how long recovery took, what broke, the verify line. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(load.describe());
        lines.add("");
        lines.add(String.format("%-20s %10s %10s %14s %15s %8s", "sink", "expected", "delivered", "dup.delivered", "dup.suppressed",
                "lost"));
        for (SinkTally sink : audit.sinks()) {
            lines.add(String.format("%-20s %10d %10d %14d %15d %8d", sink.sink(), sink.expected(), sink.delivered(),
                    sink.duplicatesDelivered(), sink.duplicatesSuppressed(), sink.lost()));
        }
        lines.add("");
        lines.add(String.format("%-3s %-24s %8s %-17s %-20s %12s %12s", "#", "when", "at (s)", "fault", "target", "recovery (s)",
                "failover (s)"));
        for (int i = 0; i < faults.size(); i++) {
            FaultRecord fault = faults.get(i);
            lines.add(String.format("%-3d %-24s %8.1f %-17s %-20s %12s %12s", i + 1, fault.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    fault.sinceStart().toMillis() / 1000.0, fault.kind().id(), fault.target(),
                    fault.recovery().map(r -> String.format("%.1f", r.toMillis() / 1000.0)).orElse("none"),
                    fault.failover().map(f -> String.format("%.1f", f.toMillis() / 1000.0)).orElse("-")));
        }
        faults.stream().filter(fault -> !fault.recovered())
                .forEach(fault -> lines.add("not recovered from " + fault.kind().id() + " of " + fault.target() + ": " + fault.note()));
        audit.violations().forEach(violation -> lines.add("broken: " + violation));
        lines.add("");
        lines.add(verifyLine());
        return lines;
    }
}
