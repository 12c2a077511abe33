/** Offsets that may be committed: only those of records whose documents Elasticsearch acknowledged. */
package io.relaybox.connect.elasticsearch.offset;
