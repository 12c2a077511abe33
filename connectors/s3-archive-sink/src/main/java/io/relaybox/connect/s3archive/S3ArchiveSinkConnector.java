package io.relaybox.connect.s3archive;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import io.relaybox.connect.support.PluginVersion;

/** Archives records once, as gzip-compressed NDJSON objects in S3 (see the README and the ConfigDef). */
public final class S3ArchiveSinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return PluginVersion.of(S3ArchiveSinkConnector.class);
    }

    @Override
    public void start(Map<String, String> props) {
        new S3ArchiveSinkConnectorConfig(props); // fail fast on a bad configuration
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return S3ArchiveSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        // nothing to release: the tasks own the S3 clients
    }

    @Override
    public ConfigDef config() {
        return S3ArchiveSinkConnectorConfig.CONFIG_DEF;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return S3ArchiveConfigValidator.validate(connectorConfigs, super.validate(connectorConfigs));
    }

    /** Any offset is fine: a task that starts inside an archived object rewinds to its first offset and rewrites it whole. */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        return true;
    }
}
