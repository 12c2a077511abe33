/** Bulk requests: grouping documents by count, bytes and time, sending them concurrently, retrying transient failures. */
package io.relaybox.connect.elasticsearch.bulk;
