package io.relaybox.verification.verify;

/**
 * What became of a verification run's order requests.
 *
 * @param offered ticks of the load: requests it meant to send
 * @param acknowledged answered 201: the orders the run holds the platform to
 * @param refused answered, but not 201 (e.g. 503 while the monolith's database restarts)
 * @param failed no answer (the monolith was down, or died with the request)
 * @param skipped never sent: every client was still waiting for an answer
 */
public record LoadTally(long offered, long acknowledged, long refused, long failed, long skipped) {

    /** One line for the report. */
    public String describe() {
        return String.format("load: %d requests offered, %d acknowledged (201), %d refused, %d failed (no answer), %d skipped",
                offered, acknowledged, refused, failed, skipped);
    }
}
