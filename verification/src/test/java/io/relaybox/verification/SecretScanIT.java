package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.ConnectWorker;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PlatformLayout;
import io.relaybox.platform.PlatformState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After every other verification test ran on the shared platform (orders, faults, restarts, resets), no generated
 * password is found where it must never be: in a process log (the services', Connect's, Kafka's, PostgreSQL's,
 * Elasticsearch's), in {@code platform.json}, in Kafka's data (Connect keeps connector configs, offsets and statuses
 * in topics), in a connector file of the repository, in any answer of the Connect REST API (connectors, configs,
 * statuses, tasks, offsets, plugins), of the services' actuator endpoints, of the exporters or of Prometheus, or on
 * the command line of a platform process (which every user of the machine can read). The places that must hold a
 * password (the owner-only {@code secrets.properties}, Connect's REST credentials file, the S3 server's settings,
 * Elasticsearch's user files, PostgreSQL's data) are not scanned. A hit names the place and the secret's key, never
 * its value.
 */
@Order(110)
@ExtendWith(SharedPlatform.class)
class SecretScanIT {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Set<String> SERVICE_ENDPOINTS_WITHOUT_ACTUATOR = Set.of("kafka", "connect", "elasticsearch", "s3",
            "smtp", "mail-api", "prometheus");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noGeneratedPasswordReachesALogPlatformJsonKafkaAConnectorFileARestAnswerOrACommandLine(LocalPlatform platform)
            throws Exception {
        Map<String, String> secrets = platform.secrets().all();
        assertThat(secrets).as("generated passwords to look for").hasSizeGreaterThanOrEqualTo(4);
        Path runFolder = platform.settings().runFolder();
        List<String> places = new ArrayList<>();
        Map<String, String> hits = new LinkedHashMap<>();

        try (Stream<Path> files = Stream.of(runFolder.resolve("logs"), runFolder.resolve("elasticsearch").resolve("logs"),
                runFolder.resolve("kafka").resolve("data")).filter(Files::isDirectory).flatMap(SecretScanIT::filesUnder)) {
            files.forEach(file -> scanFile(file, secrets, places, hits));
        }
        scan("platform.json", read(runFolder.resolve("platform.json")), secrets, places, hits);
        try (Stream<Path> files = Stream.concat(filesUnder(PlatformLayout.detect().connectorFolder()),
                filesUnder(PlatformLayout.detect().home().resolve("connect-config").resolve("profiles")))) {
            files.forEach(file -> scan(file.toString(), read(file), secrets, places, hits));
        }

        ConnectWorker.Credentials connect = LocalPlatform.connectCredentials(platform.secrets());
        String connectUrl = platform.endpoints().get("connect");
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((connect.user() + ":" + connect.password()).getBytes(StandardCharsets.UTF_8));
        JsonNode connectors = JSON.readTree(get(connectUrl + "/connectors?expand=info&expand=status", authorization));
        scan("GET /connectors?expand=info&expand=status", connectors.toString(), secrets, places, hits);
        assertThat(connectors.propertyNames()).as("connectors").isNotEmpty();
        for (String name : connectors.propertyNames()) {
            for (String path : List.of("", "/config", "/status", "/tasks", "/offsets", "/topics")) {
                String answer = "/connectors/" + name + path;
                scan("GET " + answer, get(connectUrl + answer, authorization), secrets, places, hits);
            }
        }
        scan("GET /connector-plugins", get(connectUrl + "/connector-plugins", authorization), secrets, places, hits);
        scan("GET /", get(connectUrl + "/", authorization), secrets, places, hits);

        for (Map.Entry<String, String> endpoint : platform.endpoints().entrySet()) {
            if (!SERVICE_ENDPOINTS_WITHOUT_ACTUATOR.contains(endpoint.getKey()) && endpoint.getValue().startsWith("http")) {
                for (String path : List.of("/actuator", "/actuator/health", "/actuator/info", "/actuator/prometheus")) {
                    scan(endpoint.getKey() + " GET " + path, get(endpoint.getValue() + path, null), secrets, places, hits);
                }
            }
        }
        platform.prometheus().ifPresent(prometheus -> {
            String url = platform.endpoints().get("prometheus");
            for (String path : List.of("/api/v1/status/config", "/api/v1/targets", "/api/v1/status/flags")) {
                scan("prometheus GET " + path, get(url + path, null), secrets, places, hits);
            }
        });
        PlatformState state = PlatformState.read(runFolder).orElseThrow();
        for (PlatformState.Entry process : state.processes()) {
            if (process.endpoint() != null && process.endpoint().endsWith("/metrics")) {
                scan(process.name() + " GET /metrics", get(process.endpoint(), null), secrets, places, hits);
            }
            Path commandLine = Path.of("/proc", Long.toString(process.pid()), "cmdline");
            if (Files.isReadable(commandLine)) {
                scan("command line of " + process.name(), read(commandLine).replace('\0', ' '), secrets, places, hits);
            }
        }

        // the control: the store itself holds every secret, so the scan can find them (read as the scan reads)
        Map<String, String> control = new LinkedHashMap<>();
        scan("secrets.properties", read(platform.secrets().file()), secrets, new ArrayList<>(), control);
        assertThat(control.get("secrets.properties")).as("the scan finds every secret in their store").isEqualTo(String.join(", ", secrets.keySet()));

        System.out.printf("secret scan: %d secrets, %d places scanned, %d hits%n", secrets.size(), places.size(), hits.size());
        assertThat(places).as("places scanned").hasSizeGreaterThan(40);
        assertThat(hits).as("places holding a generated password (place -> secret key)").isEmpty();
    }

    private static void scan(String place, String content, Map<String, String> secrets, List<String> places,
            Map<String, String> hits) {
        places.add(place);
        secrets.forEach((key, value) -> {
            if (content.contains(value)) {
                hits.merge(place, key, (first, next) -> first + ", " + next);
            }
        });
    }

    /**
     * Scans a file a megabyte at a time (Kafka's segments and Elasticsearch's files can be large), each window
     * overlapping the one before by the longest secret's length, so that no secret is missed across a boundary.
     */
    private static void scanFile(Path file, Map<String, String> secrets, List<String> places, Map<String, String> hits) {
        String place = file.toString();
        places.add(place);
        int overlap = secrets.values().stream().mapToInt(String::length).max().orElse(1) - 1;
        Set<String> found = new TreeSet<>();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            String carried = "";
            for (int read = in.readNBytes(buffer, 0, buffer.length); read > 0; read = in.readNBytes(buffer, 0, buffer.length)) {
                String window = carried + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                secrets.forEach((key, value) -> {
                    if (window.contains(value)) {
                        found.add(key);
                    }
                });
                carried = window.substring(Math.max(0, window.length() - overlap));
            }
        } catch (IOException e) {
            // a Kafka segment deleted by retention while it was read: nothing left there to leak
        }
        if (!found.isEmpty()) {
            hits.put(place, String.join(", ", found));
        }
    }

    private static Stream<Path> filesUnder(Path folder) {
        try {
            return Files.walk(folder).filter(Files::isRegularFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder, e);
        }
    }

    // Latin-1: every byte one char, so a password (ASCII) is found in binary files too
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            // a Kafka segment deleted by retention, a process that ended: nothing left there to leak
            return "";
        }
    }

    private String get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", url).isBetween(200, 299);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
