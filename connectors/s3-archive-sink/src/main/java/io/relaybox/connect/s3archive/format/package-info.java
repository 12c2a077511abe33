/** How records are stored: one NDJSON line per record, objects gzip-compressed with a fixed header. */
package io.relaybox.connect.s3archive.format;
