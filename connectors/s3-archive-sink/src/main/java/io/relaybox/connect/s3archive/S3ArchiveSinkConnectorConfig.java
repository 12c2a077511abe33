package io.relaybox.connect.s3archive;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.relaybox.connect.s3archive.rotation.RotationPolicy;
import io.relaybox.connect.s3archive.storage.ObjectUpload;
import io.relaybox.connect.s3archive.storage.Retrier;
import io.relaybox.connect.s3archive.storage.S3Settings;
import io.relaybox.connect.support.OutboxHeaders;

import static io.relaybox.connect.support.Validators.described;
import static io.relaybox.connect.support.Validators.httpUrl;

/** The S3 archive sink's settings: one {@link ConfigDef}, the single source of truth and of the user documentation. */
public final class S3ArchiveSinkConnectorConfig extends AbstractConfig {

    static final String GROUP_S3 = "S3";
    static final String GROUP_CREDENTIALS = "Credentials";
    static final String GROUP_LAYOUT = "Object layout";
    static final String GROUP_ROTATION = "Rotation";
    static final String GROUP_RETRIES = "Retries";

    public static final String S3_BUCKET_NAME_CONFIG = "s3.bucket.name";
    public static final String S3_BUCKET_CREATE_CONFIG = "s3.bucket.create";
    public static final String S3_REGION_CONFIG = "s3.region";
    public static final String S3_ENDPOINT_URL_CONFIG = "s3.endpoint.url";
    public static final String S3_PATH_STYLE_ACCESS_CONFIG = "s3.path.style.access";
    public static final String S3_PART_SIZE_CONFIG = "s3.part.size";
    public static final String S3_REQUEST_TIMEOUT_MS_CONFIG = "s3.request.timeout.ms";
    public static final String AWS_ACCESS_KEY_ID_CONFIG = "aws.access.key.id";
    public static final String AWS_SECRET_ACCESS_KEY_CONFIG = "aws.secret.access.key";
    public static final String S3_PREFIX_CONFIG = "s3.prefix";
    public static final String RECORD_TIME_HEADER_CONFIG = "record.time.header";
    public static final String GZIP_LEVEL_CONFIG = "gzip.level";
    public static final String ROTATE_RECORDS_CONFIG = "rotate.records";
    public static final String ROTATE_BYTES_CONFIG = "rotate.bytes";
    public static final String ROTATE_INTERVAL_MS_CONFIG = "rotate.interval.ms";
    public static final String OPEN_OBJECT_UPLOAD_MS_CONFIG = "open.object.upload.ms";
    public static final String RETRY_BACKOFF_INITIAL_MS_CONFIG = "retry.backoff.initial.ms";
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "retry.backoff.max.ms";
    public static final String RETRY_TIMEOUT_MS_CONFIG = "retry.timeout.ms";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(S3_BUCKET_NAME_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.BUCKET_NAME, Importance.HIGH,
                    "The bucket that holds the archive. It must exist unless " + S3_BUCKET_CREATE_CONFIG + "=true.",
                    GROUP_S3, 1, Width.MEDIUM, "Bucket")
            .define(S3_BUCKET_CREATE_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                    "Create the bucket when the task starts and it does not exist. Off by default: a missing bucket usually "
                            + "means a wrong name or account, and the task fails with \"bucket X does not exist\".",
                    GROUP_S3, 2, Width.SHORT, "Create bucket")
            .define(S3_REGION_CONFIG, Type.STRING, "us-east-1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "The AWS region of the bucket; S3-compatible servers usually accept any.",
                    GROUP_S3, 3, Width.SHORT, "Region")
            .define(S3_ENDPOINT_URL_CONFIG, Type.STRING, "", Validators.ENDPOINT, Importance.MEDIUM,
                    "The S3 endpoint to use instead of AWS's, e.g. http://minio:9000 for MinIO or the local platform's "
                            + "S3 server. Empty for AWS S3.",
                    GROUP_S3, 4, Width.LONG, "Endpoint URL")
            .define(S3_PATH_STYLE_ACCESS_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Address the bucket in the path (http://host/bucket/key) instead of the host name "
                            + "(http://bucket.host/key). MinIO and S3Proxy need true.",
                    GROUP_S3, 5, Width.SHORT, "Path-style access")
            .define(S3_PART_SIZE_CONFIG, Type.INT, 8 * 1024 * 1024, Range.between(ObjectUpload.MIN_PART_SIZE, 512 * 1024 * 1024),
                    Importance.LOW,
                    "Compressed bytes per part of a multipart upload. An object whose compressed size stays below this is "
                            + "written with one PUT; a larger one streams in parts of this size, so a partition holds about "
                            + "this much in memory.",
                    GROUP_S3, 6, Width.SHORT, "Part size")
            .define(S3_REQUEST_TIMEOUT_MS_CONFIG, Type.LONG, 30_000L, Range.between(1_000L, 600_000L), Importance.LOW,
                    "The longest one S3 request may take before it counts as a (transient) failure.",
                    GROUP_S3, 7, Width.SHORT, "Request timeout")
            .define(AWS_ACCESS_KEY_ID_CONFIG, Type.STRING, "", Importance.HIGH,
                    "The access key id. Empty to use the AWS default credentials chain (environment, profile, "
                            + "instance or container role).",
                    GROUP_CREDENTIALS, 1, Width.MEDIUM, "Access key id")
            .define(AWS_SECRET_ACCESS_KEY_CONFIG, Type.PASSWORD, "", Importance.HIGH,
                    "The secret access key of " + AWS_ACCESS_KEY_ID_CONFIG + ". Give it as a config-provider reference "
                            + "such as ${env:RELAYBOX_S3_SECRET_KEY}, never as a literal; it is never logged.",
                    GROUP_CREDENTIALS, 2, Width.MEDIUM, "Secret access key")
            .define(S3_PREFIX_CONFIG, Type.STRING, "", Validators.PREFIX, Importance.MEDIUM,
                    "The key prefix of the archive, without leading or trailing slash, e.g. archive. Objects are "
                            + "<prefix>/<topic>/dt=<YYYY-MM-DD>/partition=<p>/<topic>+<p>+<first offset, 20 digits>.ndjson.gz.",
                    GROUP_LAYOUT, 1, Width.MEDIUM, "Prefix")
            .define(RECORD_TIME_HEADER_CONFIG, Type.STRING, OutboxHeaders.OCCURRED_AT, Importance.MEDIUM,
                    "The header holding a record's time (an ISO-8601 instant or epoch milliseconds), used for dt= and "
                            + ROTATE_INTERVAL_MS_CONFIG + "; records without it use their Kafka timestamp. Empty: always the "
                            + "Kafka timestamp. Never the wall clock.",
                    GROUP_LAYOUT, 2, Width.MEDIUM, "Record time header")
            .define(GZIP_LEVEL_CONFIG, Type.INT, 6, Range.between(1, 9), Importance.LOW,
                    "The deflate level of the objects: 1 is fastest, 9 smallest. Changing it changes the bytes (not the "
                            + "content) of objects rewritten afterwards.",
                    GROUP_LAYOUT, 3, Width.SHORT, "Gzip level")
            .define(ROTATE_RECORDS_CONFIG, Type.INT, 10_000, Range.between(1, 100_000_000), Importance.HIGH,
                    "An object ends after this many records.",
                    GROUP_ROTATION, 1, Width.SHORT, "Records per object")
            .define(ROTATE_BYTES_CONFIG, Type.LONG, 64L * 1024 * 1024, Range.atLeast(1024L), Importance.MEDIUM,
                    "An object ends once its uncompressed NDJSON reaches this many bytes.",
                    GROUP_ROTATION, 2, Width.SHORT, "Bytes per object")
            .define(ROTATE_INTERVAL_MS_CONFIG, Type.LONG, 3_600_000L, Range.atLeast(0L), Importance.MEDIUM,
                    "A record whose record time is this many milliseconds or more after the object's first record starts a "
                            + "new object; 0 disables. Record time, not the wall clock: the same records always give the "
                            + "same objects. An object also ends where the UTC date of record time changes.",
                    GROUP_ROTATION, 3, Width.SHORT, "Record-time interval")
            .define(OPEN_OBJECT_UPLOAD_MS_CONFIG, Type.LONG, 60_000L, Range.atLeast(0L), Importance.MEDIUM,
                    "How long (wall clock) records may wait in a not yet complete object before the task uploads the "
                            + "object as it stands, under its final key, so that a quiet topic's latest events reach the "
                            + "archive; 0 never. This does not move object boundaries: the offsets stay uncommitted, and "
                            + "when more records come the task re-reads the object from its first offset and overwrites "
                            + "it with the longer version. Records that such an upload already holds do not wait again, "
                            + "so re-reading a large object never triggers another upload.",
                    GROUP_ROTATION, 4, Width.SHORT, "Open object upload")
            .define(RETRY_BACKOFF_INITIAL_MS_CONFIG, Type.LONG, 200L, Range.between(1L, 60_000L), Importance.LOW,
                    "The first backoff after a transient S3 failure (timeout, connection failure, 429, 5xx, 503 "
                            + "SlowDown); it doubles with each retry, with jitter.",
                    GROUP_RETRIES, 1, Width.SHORT, "Initial backoff")
            .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, 10_000L, Range.between(1L, 600_000L), Importance.LOW,
                    "The longest backoff between retries.",
                    GROUP_RETRIES, 2, Width.SHORT, "Maximum backoff")
            .define(RETRY_TIMEOUT_MS_CONFIG, Type.LONG, 60_000L, Range.between(0L, 3_600_000L), Importance.LOW,
                    "How long the task retries one S3 call before it hands the batch back to Connect as retriable; "
                            + "Connect then delivers it again after " + RETRY_BACKOFF_MAX_MS_CONFIG + ". Records are never "
                            + "dropped for a transient failure.",
                    GROUP_RETRIES, 3, Width.SHORT, "Retry budget per call");

    public S3ArchiveSinkConnectorConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    public String bucketName() {
        return getString(S3_BUCKET_NAME_CONFIG);
    }

    public boolean bucketCreate() {
        return getBoolean(S3_BUCKET_CREATE_CONFIG);
    }

    public String region() {
        return getString(S3_REGION_CONFIG);
    }

    public Optional<URI> endpoint() {
        String url = getString(S3_ENDPOINT_URL_CONFIG).trim();
        return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
    }

    public boolean pathStyleAccess() {
        return getBoolean(S3_PATH_STYLE_ACCESS_CONFIG);
    }

    public int partSize() {
        return getInt(S3_PART_SIZE_CONFIG);
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(getLong(S3_REQUEST_TIMEOUT_MS_CONFIG));
    }

    public String accessKeyId() {
        return getString(AWS_ACCESS_KEY_ID_CONFIG).trim();
    }

    public Password secretAccessKey() {
        return getPassword(AWS_SECRET_ACCESS_KEY_CONFIG);
    }

    public String prefix() {
        return getString(S3_PREFIX_CONFIG);
    }

    public String recordTimeHeader() {
        return getString(RECORD_TIME_HEADER_CONFIG).trim();
    }

    public int gzipLevel() {
        return getInt(GZIP_LEVEL_CONFIG);
    }

    public int rotateRecords() {
        return getInt(ROTATE_RECORDS_CONFIG);
    }

    public long rotateBytes() {
        return getLong(ROTATE_BYTES_CONFIG);
    }

    public long rotateIntervalMs() {
        return getLong(ROTATE_INTERVAL_MS_CONFIG);
    }

    public long openObjectUploadMs() {
        return getLong(OPEN_OBJECT_UPLOAD_MS_CONFIG);
    }

    public Duration retryBackoffInitial() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_INITIAL_MS_CONFIG));
    }

    public Duration retryBackoffMax() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS_CONFIG));
    }

    public Duration retryTimeout() {
        return Duration.ofMillis(getLong(RETRY_TIMEOUT_MS_CONFIG));
    }

    public RotationPolicy rotationPolicy() {
        return RotationPolicy.of(rotateRecords(), rotateBytes(), rotateIntervalMs());
    }

    public Retrier retrier() {
        return new Retrier(retryBackoffInitial(), retryBackoffMax(), retryTimeout());
    }

    public S3Settings s3Settings() {
        Password secret = secretAccessKey();
        return new S3Settings(bucketName(), region(), endpoint(), pathStyleAccess(), accessKeyId(), secret == null ? "" : secret.value(),
                requestTimeout());
    }

    /** Declarative validators whose {@code toString()} tells the valid values. */
    static final class Validators {

        static final ConfigDef.Validator BUCKET_NAME = described("an S3 bucket name: 3-63 characters a-z, 0-9, '.' and '-'",
                (name, value) -> {
                    String bucket = (String) value;
                    if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") || bucket.contains("..")) {
                        throw new ConfigException(name, value, "must be an S3 bucket name: 3-63 characters a-z, 0-9, '.' and '-'");
                    }
                });

        static final ConfigDef.Validator ENDPOINT = described("empty (AWS S3) or an http:// or https:// URL", (name, value) -> {
            String url = value == null ? "" : ((String) value).trim();
            if (!url.isEmpty()) {
                httpUrl(name, url);
            }
        });

        static final ConfigDef.Validator PREFIX = described("empty, or key segments separated by '/', without leading or trailing '/'",
                (name, value) -> {
                    String prefix = value == null ? "" : (String) value;
                    if (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")) {
                        throw new ConfigException(name, value, "must not start or end with '/' nor contain '//'");
                    }
                });

        private Validators() {
        }
    }
}
