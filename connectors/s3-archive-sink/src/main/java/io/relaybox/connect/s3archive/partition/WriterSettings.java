package io.relaybox.connect.s3archive.partition;

import io.relaybox.connect.s3archive.rotation.RotationPolicy;

/**
 * What a {@link TopicPartitionWriter} needs from the configuration.
 *
 * @param prefix the key prefix
 * @param rotation when objects end
 * @param timeHeader the record-time header, empty for the record timestamp
 * @param gzipLevel the deflate level
 * @param partSize compressed bytes per multipart part
 * @param openObjectUploadMs wall-clock wait before an open object is uploaded as it stands; 0 never
 */
public record WriterSettings(String prefix, RotationPolicy rotation, String timeHeader, int gzipLevel, int partSize,
        long openObjectUploadMs) {
}
