package io.relaybox.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An S3-compatible server (S3Proxy with its filesystem backend) on loopback, with its own folder: {@code data/} holds one
 * folder per bucket, {@code s3proxy.properties} the configuration. Clients sign requests (AWS signature V2 or V4) with
 * the identity (access key id) and credential (secret access key) given here, and use path-style URLs.
 */
public final class S3Server {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    // S3's rules, enough to refuse names that would escape the data folder
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private static final String LOGBACK = """
            <configuration>
              <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{1} - %msg%n</pattern></encoder>
              </appender>
              <logger name="org.gaul.shaded" level="WARN"/>
              <logger name="org.eclipse.jetty" level="WARN"/>
              <logger name="org.jclouds" level="WARN"/>
              <root level="INFO"><appender-ref ref="STDOUT"/></root>
            </configuration>
            """;

    private final Path folder;
    private final int port;
    private final String identity;
    private final String credential;
    private final ManagedProcess process;
    private final MetricsAgent metricsAgent;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param folder the server's folder (configuration and data), created on first start
     * @param classpath the folder of S3Proxy's jars ({@link PlatformLayout#s3ProxyClasspath()})
     * @param port its HTTP port on 127.0.0.1
     * @param identity the access key id clients sign with
     * @param credential the secret access key clients sign with; written only to the server's private properties file
     */
    public S3Server(Path folder, Path classpath, int port, Path logFile, String identity, String credential) {
        this(folder, classpath, port, logFile, identity, credential, null);
    }

    /**
     * A server whose JVM the metrics agent serves to Prometheus.
     *
     * @param metricsAgent the JMX exporter agent, or null for none
     */
    public S3Server(Path folder, Path classpath, int port, Path logFile, String identity, String credential,
            MetricsAgent metricsAgent) {
        this.metricsAgent = metricsAgent;
        this.folder = folder.toAbsolutePath();
        this.port = port;
        this.identity = Objects.requireNonNull(identity, "identity");
        this.credential = Objects.requireNonNull(credential, "credential");
        List<String> command = JavaCommand.java()
                .heap("512m")
                .tempFolder(tempFolder())
                .agent(metricsAgent)
                .option("-XX:+UseSerialGC")
                // without a configuration logback logs everything at DEBUG
                .systemProperty("logback.configurationFile", this.folder.resolve("logback.xml"))
                .classpathFolder(classpath)
                .mainClass("org.gaul.s3proxy.Main", "--properties", configFile().toString())
                .build();
        this.process = new ManagedProcess(new ProcessSpec("s3", command, Map.of(), this.folder, logFile, StopSignal.TERM,
                STOP_TIMEOUT, endpoint()), this::answersS3);
    }

    /** Writes the configuration, starts the server and waits until it answers S3 requests. */
    public void start(Duration timeout) {
        prepare();
        process.startAndAwaitReady(timeout);
    }

    /** Writes the configuration and creates the data folder; {@link ManagedProcess#start()} may follow. */
    public void prepare() {
        JavaCommand.createTempFolder(tempFolder());
        try {
            Files.createDirectories(dataFolder());
            Files.writeString(folder.resolve("logback.xml"), LOGBACK);
            Files.deleteIfExists(configFile());
            Files.createFile(configFile(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(configFile(), configuration());
        } catch (IOException e) {
            throw new PlatformException("cannot prepare the S3 server in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the bucket unless it exists; the filesystem backend keeps each bucket as a folder of {@code data/}, so this
     * works whether the server runs or not.
     *
     * @throws PlatformException when the name is not a valid S3 bucket name
     */
    public void ensureBucket(String bucket) {
        if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
            throw new PlatformException("invalid S3 bucket name '" + bucket + "': 3-63 characters a-z, 0-9, '.' and '-'");
        }
        try {
            Files.createDirectories(dataFolder().resolve(bucket));
        } catch (IOException e) {
            throw new PlatformException("cannot create bucket " + bucket + " in " + dataFolder() + ": " + e.getMessage(), e);
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

    /** The S3 endpoint URL, e.g. {@code http://127.0.0.1:19000}; clients must use path-style access. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The access key id clients sign with. */
    public String identity() {
        return identity;
    }

    /** The secret access key clients sign with. */
    public String credential() {
        return credential;
    }

    /** The folder that holds one folder per bucket. */
    public Path dataFolder() {
        return folder.resolve("data");
    }

    private String configuration() {
        return String.join("\n",
                "s3proxy.endpoint=" + endpoint(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + identity,
                "s3proxy.credential=" + credential,
                // newer SDKs send checksum headers S3Proxy does not know; they are not needed for correctness
                "s3proxy.ignore-unknown-headers=true",
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + dataFolder(),
                "");
    }

    private Path configFile() {
        return folder.resolve("s3proxy.properties");
    }

    /** An unsigned ListBuckets: any S3 answer (403 AccessDenied included) means the server serves requests. */
    private boolean answersS3() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return (response.statusCode() == 200 || response.statusCode() == 403) && response.body().contains("<");
    }

    private Path tempFolder() {
        return folder.resolve("tmp");
    }
}
