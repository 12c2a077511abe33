/** From an outbox record to Elasticsearch documents: the event document and the order's externally versioned state. */
package io.relaybox.connect.elasticsearch.convert;
