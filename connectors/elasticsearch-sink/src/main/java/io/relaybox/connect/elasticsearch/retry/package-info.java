/** Retrying transient failures: exponential backoff with jitter, and an injectable way to wait. */
package io.relaybox.connect.elasticsearch.retry;
