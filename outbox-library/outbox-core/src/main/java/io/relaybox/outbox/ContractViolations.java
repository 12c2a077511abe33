package io.relaybox.outbox;

import java.util.List;

/** How a payload's contract violations read in a message: the first few, then how many more. */
public final class ContractViolations {

    /** The violations a message lists at most. */
    public static final int LISTED = 5;

    private ContractViolations() {
    }

    /**
     * {@code <type> v<version> breaks its contract: <first violations, "; "-separated>[; and N more]}.
     *
     * @param subject what broke it, e.g. {@code OrderPlaced v2} or {@code OrderPlaced v2 <event id>}
     * @param violations one line per violation; not empty
     */
    public static String summary(String subject, List<String> violations) {
        return subject + " breaks its contract: " + String.join("; ", violations.subList(0, Math.min(LISTED, violations.size())))
                + (violations.size() > LISTED ? "; and " + (violations.size() - LISTED) + " more" : "");
    }
}
