package io.relaybox.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Spring Boot service run from its executable jar; ready when its health endpoint answers 200. */
public final class SpringBootService {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final String DEFAULT_HEALTH = "/actuator/health";

    private final int port;
    private final String healthPath;
    private final ManagedProcess process;
    private final Path tempFolder;

    /**
     * @param arguments Spring arguments such as {@code --spring.datasource.url=...}; secrets go in the environment
     */
    public SpringBootService(String name, Path jar, int port, List<String> arguments, Map<String, String> environment,
            Path workingDirectory, Path logFile) {
        this(name, jar, port, DEFAULT_HEALTH, arguments, environment, workingDirectory, logFile, ServiceAddOns.NONE);
    }

    /**
     * @param arguments Spring arguments such as {@code --spring.datasource.url=...}; secrets go in the environment
     * @param healthPath the path that answers 200 when the service is ready, e.g. {@code /actuator/health}
     * @param addOns jars loaded into the application and properties added to the arguments
     */
    public SpringBootService(String name, Path jar, int port, String healthPath, List<String> arguments, Map<String, String> environment,
            Path workingDirectory, Path logFile, ServiceAddOns addOns) {
        this.port = port;
        this.healthPath = healthPath;
        List<String> args = new ArrayList<>(arguments);
        args.add("--server.port=" + port);
        args.add("--server.address=127.0.0.1");
        args.addAll(addOns.arguments(name));
        this.tempFolder = workingDirectory.resolve("tmp").resolve(name);
        JavaCommand java = JavaCommand.java()
                .heap("384m")
                .tempFolder(tempFolder)
                // small heaps on a small machine: the serial collector spends the least CPU
                .option("-XX:+UseSerialGC");
        String loaderPath = addOns.loaderPath();
        FastStart fastStart = FastStart.beside(jar);
        List<String> command = loaderPath == null
                ? fastStart.available() ? fastStart.command(java, args) : java.jar(jar, args.toArray(String[]::new)).build()
                // Spring Boot's PropertiesLauncher runs the same executable jar with the add-on jars in its class loader
                : java.systemProperty("loader.path", loaderPath).option("-cp").option(jar.toAbsolutePath().toString())
                        .mainClass("org.springframework.boot.loader.launch.PropertiesLauncher", args.toArray(String[]::new)).build();
        this.process = new ManagedProcess(new ProcessSpec(name, command, environment, workingDirectory, logFile, StopSignal.TERM,
                STOP_TIMEOUT, baseUrl()), this::isHealthy);
    }

    /** Creates the service's temporary folder; {@link ManagedProcess#start()} may follow. */
    public void prepare() {
        JavaCommand.createTempFolder(tempFolder);
    }

    public ManagedProcess process() {
        return process;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private boolean isHealthy() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + healthPath)).timeout(Duration.ofSeconds(2)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }
}
