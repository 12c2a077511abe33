package io.relaybox.connect.s3archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import io.relaybox.connect.s3archive.storage.InMemoryObjectStore;

class S3ArchiveSinkConnectorConfigTest {

    private final InMemoryObjectStore store = new InMemoryObjectStore();

    static Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", S3ArchiveSinkConnector.class.getName());
        props.put("topics", "orders.events");
        props.put("s3.bucket.name", "relaybox-archive");
        props.put("s3.endpoint.url", "http://127.0.0.1:9000");
        props.put("s3.path.style.access", "true");
        props.put("aws.access.key.id", "relaybox");
        props.put("aws.secret.access.key", "s3cr3t-value");
        return props;
    }

    private Map<String, List<String>> errors(Map<String, String> props) {
        Config declarative = new Config(new S3ArchiveSinkConnector().config().validate(props));
        Config config = S3ArchiveConfigValidator.validate(props, declarative, settings -> store);
        return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void acceptsAValidConfiguration() {
        assertThat(errors(valid())).isEmpty();
    }

    @Test
    void rejectsInvalidValuesWithAMessagePerField() {
        Map<String, String> props = valid();
        props.remove("s3.bucket.name");
        props.put("rotate.records", "0");
        props.put("s3.part.size", "1024");
        props.put("s3.endpoint.url", "ftp://host");
        props.put("s3.prefix", "/archive/");

        assertThat(errors(props)).containsOnlyKeys("s3.bucket.name", "rotate.records", "s3.part.size", "s3.endpoint.url", "s3.prefix");
    }

    @Test
    void rejectsSettingsThatOnlyWorkTogether() {
        Map<String, String> props = valid();
        props.put("s3.path.style.access", "false");
        props.put("aws.secret.access.key", "");
        props.put("retry.backoff.initial.ms", "5000");
        props.put("retry.backoff.max.ms", "1000");

        Map<String, List<String>> errors = errors(props);

        assertThat(errors).containsOnlyKeys("s3.path.style.access", "aws.secret.access.key", "retry.backoff.max.ms");
        assertThat(errors.get("s3.path.style.access").get(0)).contains("must be true for the endpoint http://127.0.0.1:9000");
    }

    @Test
    void reportsAMissingBucketOnTheBucketName() {
        store.bucketExists(false);

        assertThat(errors(valid())).containsEntry("s3.bucket.name",
                List.of("bucket relaybox-archive does not exist (create it, or set s3.bucket.create=true)"));

        Map<String, String> create = valid();
        create.put("s3.bucket.create", "true");
        assertThat(errors(create)).isEmpty();
    }

    @Test
    void documentsEveryKeyWithTypeDefaultValidatorImportanceAndGroup() {
        for (ConfigDef.ConfigKey key : S3ArchiveSinkConnectorConfig.CONFIG_DEF.configKeys().values()) {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
            assertThat(key.importance).as(key.name).isNotNull();
            assertThat(key.type).as(key.name).isNotNull();
        }
        assertThat(S3ArchiveSinkConnectorConfig.CONFIG_DEF.configKeys().get("aws.secret.access.key").type)
                .isEqualTo(ConfigDef.Type.PASSWORD);
    }

    @Test
    void neverPrintsTheSecret() {
        S3ArchiveSinkConnectorConfig config = new S3ArchiveSinkConnectorConfig(valid());

        assertThat(config.s3Settings().toString()).doesNotContain("s3cr3t-value").contains("****");
        assertThat(config.toString()).doesNotContain("s3cr3t-value");
    }
}
