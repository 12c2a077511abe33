package io.relaybox.connect.elasticsearch.client;

import java.util.List;

/** Sends bulk requests; the sink's only way of writing, so that tests can put a fake cluster behind it. */
public interface BulkClient {

    /**
     * Sends the writes as one bulk request.
     *
     * @return one result per write, in the same order
     * @throws RequestFailedException when the request as a whole failed (see {@link RequestFailedException#isTransient()})
     */
    List<ItemResult> bulk(List<DocumentWrite> writes);
}
