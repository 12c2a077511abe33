package io.relaybox.connect.s3archive.replay;

import java.time.Instant;

import io.relaybox.connect.s3archive.partition.ObjectKey;

/**
 * One object of the archive.
 *
 * @param key where it is and what it starts with
 * @param size its size in bytes (compressed)
 * @param lastModified when it was last written
 */
public record ArchiveObject(ObjectKey key, long size, Instant lastModified) {
}
