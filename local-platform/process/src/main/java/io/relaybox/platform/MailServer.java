package io.relaybox.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An SMTP server on loopback (GreenMail standalone) that accepts every message for any address and keeps it in memory,
 * with an HTTP API on a second port to read back what it received: {@code GET /api/user} lists the mailboxes (one per
 * recipient), {@code GET /api/user/<address>/messages/} a mailbox's messages. The store lives as long as the process:
 * what a run sent is gone after a restart of the mail server.
 */
public final class MailServer {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path folder;
    private final int smtpPort;
    private final int apiPort;
    private final ManagedProcess process;
    private final MetricsAgent metricsAgent;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param folder the server's working folder
     * @param classpath the folder of GreenMail standalone's jar ({@link PlatformLayout#mailServerClasspath()})
     * @param smtpPort its SMTP port on 127.0.0.1
     * @param apiPort its HTTP API port on 127.0.0.1
     * @param logFile where its output goes
     */
    public MailServer(Path folder, Path classpath, int smtpPort, int apiPort, Path logFile) {
        this(folder, classpath, smtpPort, apiPort, logFile, null);
    }

    /**
     * A server whose JVM the metrics agent serves to Prometheus.
     *
     * @param metricsAgent the JMX exporter agent, or null for none
     */
    public MailServer(Path folder, Path classpath, int smtpPort, int apiPort, Path logFile, MetricsAgent metricsAgent) {
        this.metricsAgent = metricsAgent;
        this.folder = folder.toAbsolutePath();
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        List<String> command = JavaCommand.java()
                .heap("256m")
                .tempFolder(tempFolder())
                .agent(metricsAgent)
                .option("-XX:+UseSerialGC")
                .systemProperty("greenmail.smtp.hostname", "127.0.0.1")
                .systemProperty("greenmail.smtp.port", Integer.toString(smtpPort))
                .systemProperty("greenmail.api.hostname", "127.0.0.1")
                .systemProperty("greenmail.api.port", Integer.toString(apiPort))
                // any sender, any recipient: a mailbox is made for each address that receives a message
                .systemProperty("greenmail.auth.disabled", "true")
                .classpathFolder(classpath)
                .mainClass("com.icegreen.greenmail.standalone.GreenMailStandaloneRunner")
                .build();
        this.process = new ManagedProcess(new ProcessSpec("mail", command, Map.of(), this.folder, logFile,
                StopSignal.TERM, STOP_TIMEOUT, smtpEndpoint()), this::isReady);
    }

    /** Starts the server and waits until SMTP and the API serve. */
    public void start(Duration timeout) {
        prepare();
        process.startAndAwaitReady(timeout);
    }

    /** Creates the working folder; {@link ManagedProcess#start()} may follow. */
    public void prepare() {
        JavaCommand.createTempFolder(tempFolder());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PlatformException("cannot create the mail server's folder " + folder + ": " + e.getMessage(), e);
        }
    }

    public void stop() {
        process.stop();
    }

    /** The metrics agent serving the server's JVM metrics, if it has one. */
    public java.util.Optional<MetricsAgent> metricsAgent() {
        return java.util.Optional.ofNullable(metricsAgent);
    }

    public ManagedProcess process() {
        return process;
    }

    /** {@code smtp://127.0.0.1:<port>}, for humans; clients need {@link #smtpPort()}. */
    public String smtpEndpoint() {
        return "smtp://127.0.0.1:" + smtpPort;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** The HTTP API that reads back what the server received, e.g. {@code http://127.0.0.1:18025}. */
    public String apiEndpoint() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** GreenMail's readiness endpoint answers 200 once its servers (SMTP among them) accept connections. */
    private boolean isReady() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(apiEndpoint() + "/api/service/readiness"))
                .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private Path tempFolder() {
        return folder.resolve("tmp");
    }
}
