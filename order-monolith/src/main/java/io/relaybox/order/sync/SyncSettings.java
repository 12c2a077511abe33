package io.relaybox.order.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the monolith calls the extracted services in sync mode ({@code relaybox.migration.sync.*}): what a REST-coupled
 * system typically sets.
 *
 * @param timeout how long one call may take before it counts as failed (default 2 s)
 * @param maxAttempts attempts per call, the first included (default 3); only connection failures, timeouts and 5xx
 *        answers are tried again, each on the next instance
 * @param retryWait the wait before the second attempt, doubled before each further one (default 100 ms)
 * @param failureRateThreshold the percentage of failed (or slower than {@code timeout}) calls among the last
 *        {@code slidingWindow} that opens the circuit breaker (default 50)
 * @param slidingWindow how many of the latest calls the breaker judges (default 20; at least 10 before it judges)
 * @param openFor how long an open breaker refuses calls at once before it lets a few through (default 5 s)
 */
@ConfigurationProperties("relaybox.migration.sync")
public record SyncSettings(Duration timeout, Integer maxAttempts, Duration retryWait, Float failureRateThreshold, Integer slidingWindow,
        Duration openFor) {

    public SyncSettings {
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryWait = retryWait == null ? Duration.ofMillis(100) : retryWait;
        failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
        slidingWindow = slidingWindow == null ? 20 : slidingWindow;
        openFor = openFor == null ? Duration.ofSeconds(5) : openFor;
    }
}
