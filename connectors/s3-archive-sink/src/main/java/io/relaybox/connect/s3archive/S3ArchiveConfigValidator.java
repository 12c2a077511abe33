package io.relaybox.connect.s3archive;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

import io.relaybox.connect.s3archive.storage.Failures;
import io.relaybox.connect.s3archive.storage.ObjectStore;
import io.relaybox.connect.s3archive.storage.S3ObjectStore;
import io.relaybox.connect.s3archive.storage.S3Settings;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import static io.relaybox.connect.s3archive.S3ArchiveSinkConnectorConfig.*;

/**
 * The checks after the declarative ones: settings that only make sense together, then whether the bucket can be reached.
 * Problems become messages on the offending key's {@link ConfigValue} (the REST validate endpoint shows them); nothing
 * throws.
 */
final class S3ArchiveConfigValidator {

    private static final Duration REACHABILITY_TIMEOUT = Duration.ofSeconds(5);

    private S3ArchiveConfigValidator() {
    }

    static Config validate(Map<String, String> props, Config declarative) {
        return validate(props, declarative, S3ObjectStore::create);
    }

    // visible for testing: the store is injected
    static Config validate(Map<String, String> props, Config declarative, Function<S3Settings, ObjectStore> stores) {
        Map<String, ConfigValue> values = declarative.configValues().stream().collect(Collectors.toMap(ConfigValue::name, v -> v));
        if (hasErrors(values)) {
            return declarative; // the declarative messages say what to fix first
        }
        S3ArchiveSinkConnectorConfig config = new S3ArchiveSinkConnectorConfig(props);
        crossField(config, values);
        if (!hasErrors(values)) {
            reachability(config, values, stores);
        }
        return declarative;
    }

    private static void crossField(S3ArchiveSinkConnectorConfig config, Map<String, ConfigValue> values) {
        boolean hasKeyId = !config.accessKeyId().isEmpty();
        boolean hasSecret = config.secretAccessKey() != null && !config.secretAccessKey().value().isEmpty();
        if (hasKeyId && !hasSecret) {
            add(values, AWS_SECRET_ACCESS_KEY_CONFIG, "must be set when " + AWS_ACCESS_KEY_ID_CONFIG + " is");
        } else if (hasSecret && !hasKeyId) {
            add(values, AWS_ACCESS_KEY_ID_CONFIG, "must be set when " + AWS_SECRET_ACCESS_KEY_CONFIG + " is");
        }
        if (config.retryBackoffMax().compareTo(config.retryBackoffInitial()) < 0) {
            add(values, RETRY_BACKOFF_MAX_MS_CONFIG, "must be at least " + RETRY_BACKOFF_INITIAL_MS_CONFIG + " ("
                    + config.retryBackoffInitial().toMillis() + ")");
        }
        Optional<URI> endpoint = config.endpoint();
        if (endpoint.isPresent() && !config.pathStyleAccess() && isAddressOrLocalhost(endpoint.get().getHost())) {
            add(values, S3_PATH_STYLE_ACCESS_CONFIG, "must be true for the endpoint " + endpoint.get()
                    + ": virtual-host style needs a DNS name per bucket");
        }
    }

    private static void reachability(S3ArchiveSinkConnectorConfig config, Map<String, ConfigValue> values,
            Function<S3Settings, ObjectStore> stores) {
        S3Settings settings = config.s3Settings();
        S3Settings quick = new S3Settings(settings.bucket(), settings.region(), settings.endpoint(), settings.pathStyleAccess(),
                settings.accessKeyId(), settings.secretAccessKey(), REACHABILITY_TIMEOUT);
        try (ObjectStore store = stores.apply(quick)) {
            if (!store.bucketExists() && !config.bucketCreate()) {
                add(values, S3_BUCKET_NAME_CONFIG, "bucket " + config.bucketName() + " does not exist (create it, or set "
                        + S3_BUCKET_CREATE_CONFIG + "=true)");
            }
        } catch (SdkServiceException e) {
            if (e.statusCode() == 403 || e.statusCode() == 401) {
                add(values, AWS_ACCESS_KEY_ID_CONFIG, "access to bucket " + config.bucketName() + " was denied: check "
                        + AWS_ACCESS_KEY_ID_CONFIG + " and " + AWS_SECRET_ACCESS_KEY_CONFIG + " (" + Failures.describe(e) + ")");
            } else {
                add(values, S3_BUCKET_NAME_CONFIG, "cannot check bucket " + config.bucketName() + ": " + Failures.describe(e));
            }
        } catch (SdkClientException e) {
            String key = config.endpoint().isPresent() ? S3_ENDPOINT_URL_CONFIG : S3_REGION_CONFIG;
            add(values, key, "cannot reach S3 at " + config.endpoint().map(URI::toString).orElse("region " + config.region()) + ": "
                    + Failures.describe(e));
        } catch (RuntimeException e) {
            add(values, S3_BUCKET_NAME_CONFIG, "cannot check bucket " + config.bucketName() + ": " + Failures.describe(e));
        }
    }

    private static boolean isAddressOrLocalhost(String host) {
        if (host == null) {
            return false;
        }
        if ("localhost".equalsIgnoreCase(host) || host.startsWith("[")) {
            return true;
        }
        if (!host.matches("[0-9.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(host); // a literal: no lookup
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean hasErrors(Map<String, ConfigValue> values) {
        return values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty());
    }

    private static void add(Map<String, ConfigValue> values, String key, String message) {
        ConfigValue value = values.get(key);
        if (value != null) {
            value.addErrorMessage(message);
        }
    }
}
