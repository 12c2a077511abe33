/** Object-store I/O behind {@link io.relaybox.connect.s3archive.storage.ObjectStore}: the S3 client, uploads and retries. */
package io.relaybox.connect.s3archive.storage;
