/** Talking to Elasticsearch: the client and its TLS and credentials, bulk requests and their per-item results, index templates. */
package io.relaybox.connect.elasticsearch.client;
