/** Where a record goes: object keys, record time, and the writer that owns one Kafka partition's objects. */
package io.relaybox.connect.s3archive.partition;
