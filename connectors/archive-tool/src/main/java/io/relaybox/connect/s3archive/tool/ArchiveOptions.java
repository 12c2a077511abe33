package io.relaybox.connect.s3archive.tool;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.relaybox.connect.s3archive.replay.Archive;
import io.relaybox.connect.s3archive.storage.Retrier;
import io.relaybox.connect.s3archive.storage.S3ObjectStore;
import io.relaybox.connect.s3archive.storage.S3Settings;
import io.relaybox.connect.support.OutboxHeaders;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the archive is: the same settings as the sink's, the secret read from an environment variable; without
 * {@code --bucket}, the archive of the local platform whose run folder is found (see {@link PlatformRunFolder}).
 */
final class ArchiveOptions {

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    @Option(names = "--bucket", description = "The bucket (the sink's s3.bucket.name). Default: the local platform's ("
            + PlatformRunFolder.BUCKET + "), found through --run-folder.")
    String bucket;

    @Option(names = "--endpoint", description = "The S3 endpoint, e.g. http://127.0.0.1:19000; omit for AWS S3. Default with the "
            + "local platform: where its S3 server listens.")
    String endpoint;

    @Option(names = "--region", defaultValue = "us-east-1", description = "The bucket's region (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--path-style", negatable = true, description = "Path-style access (default: on when --endpoint is given).")
    Boolean pathStyle;

    @Option(names = "--prefix", description = "The sink's s3.prefix (default: none; with the local platform: "
            + PlatformRunFolder.PREFIX + ").")
    String prefix;

    @Option(names = "--access-key", description = "The access key id (default: $AWS_ACCESS_KEY_ID, else the local platform's "
            + PlatformRunFolder.ACCESS_KEY + ", else AWS's default chain).")
    String accessKey;

    @Option(names = "--secret-key-env", defaultValue = "AWS_SECRET_ACCESS_KEY",
            description = "The environment variable that holds the secret access key (default: ${DEFAULT-VALUE}; with the local "
                    + "platform, its secrets.properties first); secrets never go on the command line.")
    String secretKeyEnv;

    @Option(names = "--run-folder", paramLabel = "DIR", description = "The local platform's run folder: where its S3 server and "
            + "Kafka listen (platform.json, while it runs) and the generated secret key (secrets.properties). Used when --bucket is "
            + "not given. Default: $RELAYBOX_RUN_FOLDER, else ./.relaybox when it exists.")
    Path runFolder;

    @Option(names = "--time-header", defaultValue = OutboxHeaders.OCCURRED_AT,
            description = "The sink's record.time.header, for dates and --from/--to (default: ${DEFAULT-VALUE}).")
    String timeHeader;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    S3Settings settings() {
        return settings(System.getenv());
    }

    /** The S3 settings from the options, the environment and, without {@code --bucket}, the local platform's run folder. */
    S3Settings settings(Map<String, String> environment) {
        if (bucket != null) {
            String key = accessKey != null ? accessKey : environment.getOrDefault("AWS_ACCESS_KEY_ID", "");
            String secret = key.isEmpty() ? "" : environment.getOrDefault(secretKeyEnv, "");
            return s3(bucket, Optional.ofNullable(endpoint), key, secret);
        }
        PlatformRunFolder platform = platform(environment);
        String url = endpoint != null ? endpoint : platform.s3Endpoint().orElseThrow(() -> usage("the local platform of "
                + platform.folder() + " is not running (no S3 endpoint in its platform.json): start it, or give --endpoint"));
        String key = accessKey != null ? accessKey : PlatformRunFolder.ACCESS_KEY;
        // the platform's own secret first: an AWS secret exported for another account must not shadow it
        String secret = platform.secretKey().or(() -> Optional.ofNullable(environment.get(secretKeyEnv))).orElseThrow(() -> usage(
                "no secret key: " + platform.folder() + "/secrets.properties has no " + PlatformRunFolder.SECRET_KEY + " and $"
                        + secretKeyEnv + " is unset"));
        return s3(PlatformRunFolder.BUCKET, Optional.of(url), key, secret);
    }

    /** The archive's prefix: {@code --prefix}, else the local platform's when it is the local platform's archive. */
    String prefix() {
        return prefix != null ? prefix : bucket == null ? PlatformRunFolder.PREFIX : "";
    }

    /** Kafka of the local platform, for a replay that names no {@code --bootstrap}. */
    String platformKafka(Map<String, String> environment) {
        PlatformRunFolder platform = platform(environment);
        return platform.kafka().orElseThrow(() -> usage("the local platform of " + platform.folder()
                + " is not running (no Kafka in its platform.json): start it, or give --bootstrap"));
    }

    Archive open() {
        return new Archive(S3ObjectStore.create(settings()), prefix(),
                new Retrier(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60)));
    }

    private PlatformRunFolder platform(Map<String, String> environment) {
        return PlatformRunFolder.find(runFolder, environment).orElseThrow(() -> usage(
                "give --bucket (and --endpoint for an S3-compatible server), or --run-folder of a local platform"));
    }

    private S3Settings s3(String bucketName, Optional<String> url, String key, String secret) {
        if (!BUCKET_NAME.matcher(bucketName).matches()) {
            throw usage("--bucket '" + bucketName + "' is not an S3 bucket name: 3 to 63 lower-case letters, digits, '.' or '-'");
        }
        boolean pathStyleAccess = pathStyle != null ? pathStyle : url.isPresent();
        return new S3Settings(bucketName, region, url.map(this::endpointUrl), pathStyleAccess, key, secret, Duration.ofSeconds(30));
    }

    /** An http or https URL with a host; credentials in it are refused without echoing it (they go in the key options). */
    private URI endpointUrl(String text) {
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw usage("--endpoint '" + text + "' is not a URL (" + e.getReason() + "), e.g. http://127.0.0.1:19000");
        }
        if (url.getRawUserInfo() != null) {
            throw usage("--endpoint must not hold credentials: give --access-key and the secret in $" + secretKeyEnv);
        }
        if (!List.of("http", "https").contains(String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT)) || url.getHost() == null) {
            throw usage("--endpoint '" + text + "' must be http:// or https:// with a host, e.g. http://127.0.0.1:19000");
        }
        return url;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
