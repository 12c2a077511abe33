package io.relaybox.connect.elasticsearch.bulk;

import io.relaybox.connect.elasticsearch.client.DocumentWrite;
import io.relaybox.connect.elasticsearch.offset.TrackedRecord;

/**
 * One document of a bulk request and the record it came from.
 *
 * @param write the document
 * @param record its record, settled once all its documents are
 */
public record BatchEntry(DocumentWrite write, TrackedRecord record) {
}
