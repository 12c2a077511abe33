package io.relaybox.connect.s3archive.tool;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.relaybox.connect.s3archive.replay.Archive;
import io.relaybox.connect.s3archive.storage.Retrier;
import io.relaybox.connect.s3archive.storage.S3ObjectStore;
import io.relaybox.connect.s3archive.storage.S3Settings;
import io.relaybox.connect.support.OutboxHeaders;
import picocli.CommandLine.Option;

/** Where the archive is: the same settings as the sink's, the secret read from an environment variable. */
final class ArchiveOptions {

    @Option(names = "--bucket", required = true, description = "The bucket (the sink's s3.bucket.name).")
    String bucket;

    @Option(names = "--endpoint", description = "The S3 endpoint, e.g. http://127.0.0.1:19000; omit for AWS S3.")
    String endpoint;

    @Option(names = "--region", defaultValue = "us-east-1", description = "The bucket's region (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--path-style", negatable = true, description = "Path-style access (default: on when --endpoint is given).")
    Boolean pathStyle;

    @Option(names = "--prefix", defaultValue = "", description = "The sink's s3.prefix (default: none).")
    String prefix;

    @Option(names = "--access-key", description = "The access key id (default: $AWS_ACCESS_KEY_ID, else AWS's default chain).")
    String accessKey;

    @Option(names = "--secret-key-env", defaultValue = "AWS_SECRET_ACCESS_KEY",
            description = "The environment variable that holds the secret access key (default: ${DEFAULT-VALUE}); "
                    + "secrets never go on the command line.")
    String secretKeyEnv;

    @Option(names = "--time-header", defaultValue = OutboxHeaders.OCCURRED_AT,
            description = "The sink's record.time.header, for dates and --from/--to (default: ${DEFAULT-VALUE}).")
    String timeHeader;

    S3Settings settings() {
        String key = accessKey != null ? accessKey : Optional.ofNullable(System.getenv("AWS_ACCESS_KEY_ID")).orElse("");
        String secret = key.isEmpty() ? "" : Optional.ofNullable(System.getenv(secretKeyEnv)).orElse("");
        boolean pathStyleAccess = pathStyle != null ? pathStyle : endpoint != null;
        return new S3Settings(bucket, region, Optional.ofNullable(endpoint).map(URI::create), pathStyleAccess, key, secret,
                Duration.ofSeconds(30));
    }

    Archive open() {
        return new Archive(S3ObjectStore.create(settings()), prefix,
                new Retrier(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60)));
    }
}
