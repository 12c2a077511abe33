package io.relaybox.connect.elasticsearch.bulk;

import java.time.Duration;

/**
 * How documents are grouped and sent.
 *
 * @param maxRecords most documents per bulk request
 * @param maxBytes most bytes per bulk request (a larger single document goes alone)
 * @param linger how long a partly filled request may wait
 * @param maxInFlight requests sent concurrently
 * @param backoffInitial first wait before a retry
 * @param backoffMax longest wait between retries
 */
public record BulkSettings(int maxRecords, long maxBytes, Duration linger, int maxInFlight, Duration backoffInitial, Duration backoffMax) {

    public BulkSettings {
        if (maxRecords < 1 || maxBytes < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("bulk limits must be positive");
        }
    }
}
