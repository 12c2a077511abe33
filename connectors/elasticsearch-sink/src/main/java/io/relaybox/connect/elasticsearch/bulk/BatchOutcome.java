package io.relaybox.connect.elasticsearch.bulk;

import java.util.List;

import io.relaybox.connect.elasticsearch.client.ItemResult;

/**
 * How a bulk request ended, after its retries.
 *
 * @param acknowledged documents Elasticsearch stored (or, externally versioned, already had in this or a newer version)
 * @param rejected documents Elasticsearch refused for good
 */
public record BatchOutcome(List<BatchEntry> acknowledged, List<Rejection> rejected) {

    public BatchOutcome {
        acknowledged = List.copyOf(acknowledged);
        rejected = List.copyOf(rejected);
    }

    /**
     * A document refused for good.
     *
     * @param entry the document and its record
     * @param result what Elasticsearch said
     */
    public record Rejection(BatchEntry entry, ItemResult result) {
    }
}
