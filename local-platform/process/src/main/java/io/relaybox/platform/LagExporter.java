package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The consumer-group lag exporter ({@code local-platform/lag-exporter}) as a process: every group's lag per partition
 * as the broker sees it, at {@code http://127.0.0.1:<port>/metrics}.
 */
public final class LagExporter {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path folder;
    private final MetricsEndpoint endpoint;
    private final ManagedProcess process;

    /**
     * @param folder its working folder
     * @param classpath {@link PlatformLayout#lagExporterClasspath()}
     * @param bootstrapServers the broker
     * @param port its HTTP port on 127.0.0.1
     * @param logFile where its output goes
     */
    public LagExporter(Path folder, Path classpath, String bootstrapServers, int port, Path logFile) {
        this.folder = folder.toAbsolutePath();
        this.endpoint = new MetricsEndpoint(port);
        List<String> command = JavaCommand.java()
                .heap("128m")
                .tempFolder(tempFolder())
                .option("-XX:+UseSerialGC")
                .option("-XX:TieredStopAtLevel=1")
                .classpathFolder(classpath)
                .mainClass("io.relaybox.lagexporter.ConsumerLagExporter", "--bootstrap-servers=" + bootstrapServers,
                        "--port=" + port)
                .build();
        this.process = new ManagedProcess(new ProcessSpec("lag-exporter", command, Map.of(), this.folder, logFile,
                StopSignal.TERM, STOP_TIMEOUT, endpoint.url()), endpoint);
    }

    /** Creates the working folder; {@link ManagedProcess#start()} may follow. */
    public void prepare() {
        JavaCommand.createTempFolder(tempFolder());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PlatformException("cannot create the lag exporter's folder " + folder + ": " + e.getMessage(), e);
        }
    }

    public ManagedProcess process() {
        return process;
    }

    /** Where Prometheus scrapes it. */
    public String metricsEndpoint() {
        return endpoint.url();
    }

    private Path tempFolder() {
        return folder.resolve("tmp");
    }
}
