package io.relaybox.connect.s3archive.storage;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a bucket: AWS S3 by region, or any S3-compatible server (MinIO, S3Proxy) by endpoint override and
 * path-style access.
 *
 * @param endpoint the endpoint override, e.g. {@code http://127.0.0.1:9000}; empty for AWS's regional endpoint
 * @param accessKeyId the access key id; empty to use the AWS default credentials chain (environment, profile, instance role)
 * @param secretAccessKey its secret; never printed
 * @param requestTimeout the longest one HTTP attempt may take
 */
public record S3Settings(String bucket, String region, Optional<URI> endpoint, boolean pathStyleAccess, String accessKeyId,
        String secretAccessKey, Duration requestTimeout) {

    public S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        accessKeyId = accessKeyId == null ? "" : accessKeyId;
        secretAccessKey = secretAccessKey == null ? "" : secretAccessKey;
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    @Override
    public String toString() {
        return "S3Settings[bucket=" + bucket + ", region=" + region + ", endpoint=" + endpoint.map(URI::toString).orElse("(AWS)")
                + ", pathStyleAccess=" + pathStyleAccess + ", accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
