package io.relaybox.platform.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformState;
import tools.jackson.core.type.TypeReference;

/** Talks to the run folder's supervisor over its loopback control API ({@link SupervisorControl}). */
final class SupervisorClient {

    /** Starting a process waits for its readiness, up to twice its start timeout (which up may lengthen). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    SupervisorClient(int port, String token) {
        this.base = URI.create("http://127.0.0.1:" + port + "/");
        this.token = token;
    }

    /** The client of the supervisor that runs for the run folder, if one does and takes commands. */
    static Optional<SupervisorClient> of(Path runFolder) {
        return PlatformState.read(runFolder).flatMap(PlatformState::liveSupervisor).filter(s -> s.controlPort() > 0)
                .map(s -> new SupervisorClient(s.controlPort(), SupervisorControl.token(runFolder)));
    }

    /** The client of the run folder's supervisor, or a clear error when none runs. */
    static SupervisorClient require(Path runFolder) {
        return of(runFolder).orElseThrow(() -> new PlatformException("no supervisor runs for " + runFolder
                + " (./platform up starts the platform and its supervisor)"));
    }

    /** Each process's state, pid and restarts, by name, in start order. */
    Map<String, Map<String, Object>> states() {
        return SupervisorControl.JSON.readValue(send("GET", "states"), new TypeReference<java.util.LinkedHashMap<String, Map<String, Object>>>() {
        });
    }

    /** Posts the request and returns the supervisor's message. */
    String post(String path) {
        Map<String, Object> answer = SupervisorControl.JSON.readValue(send("POST", path), new TypeReference<Map<String, Object>>() {
        });
        return String.valueOf(answer.get("message"));
    }

    private String send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header(SupervisorControl.TOKEN_HEADER, token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                Map<String, Object> error = SupervisorControl.JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
                });
                throw new PlatformException(String.valueOf(error.get("error")));
            }
            return response.body();
        } catch (IOException e) {
            throw new PlatformException("the supervisor does not answer at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while asking the supervisor", e);
        }
    }
}
