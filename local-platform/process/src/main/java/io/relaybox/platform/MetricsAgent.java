package io.relaybox.platform;

import java.nio.file.Path;

/**
 * The Prometheus JMX exporter loaded as a {@code -javaagent} of a JVM process: it serves the process's MBeans (and its
 * JVM's memory, threads and GC) at {@code http://127.0.0.1:<port>/metrics} in Prometheus's text format, named and
 * filtered by the rules of a YAML file ({@code connect-config/monitoring/jmx/*.yml}).
 *
 * @param jar the agent's jar ({@link PlatformLayout#jmxExporterAgent()})
 * @param rules its configuration: which MBeans, under which names
 * @param port its HTTP port on 127.0.0.1
 */
public record MetricsAgent(Path jar, Path rules, int port) {

    /** The JVM option that loads the agent. */
    String javaOption() {
        return "-javaagent:" + jar.toAbsolutePath() + "=127.0.0.1:" + port + ":" + rules.toAbsolutePath();
    }

    /** Where Prometheus scrapes it, e.g. {@code http://127.0.0.1:19404/metrics}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port + "/metrics";
    }
}
