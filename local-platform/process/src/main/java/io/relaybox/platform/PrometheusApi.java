package io.relaybox.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Prometheus server's HTTP API, read-only: its targets' health and its alerts. */
public final class PrometheusApi {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An alert Prometheus holds: {@code pending} (its condition holds, not yet for long enough) or {@code firing}. */
    public record Alert(String name, String state, Map<String, String> labels, String summary) {

        public boolean firing() {
            return "firing".equals(state);
        }
    }

    /** A scrape target as Prometheus last saw it: health {@code up}, {@code down} or {@code unknown}. */
    public record TargetHealth(String job, String instance, String health, String lastError) {

        public boolean up() {
            return "up".equals(health);
        }
    }

    /** One series of an instant query's answer: its labels and its value now. */
    public record Sample(Map<String, String> labels, double value) {
    }

    private PrometheusApi(String url) {
        this.url = url;
    }

    /** The API of the server at the URL, e.g. {@code http://127.0.0.1:19090}. */
    public static PrometheusApi at(String url) {
        return new PrometheusApi(url);
    }

    /** Every alert that is pending or firing. */
    public List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode alert : get("/api/v1/alerts").path("data").path("alerts")) {
            Map<String, String> labels = new LinkedHashMap<>();
            alert.path("labels").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asString()));
            alerts.add(new Alert(labels.getOrDefault("alertname", "?"), alert.path("state").asString(), labels,
                    alert.path("annotations").path("summary").asString("")));
        }
        return alerts;
    }

    /** Every active target with its health at the last scrape. */
    public List<TargetHealth> targets() {
        List<TargetHealth> targets = new ArrayList<>();
        for (JsonNode target : get("/api/v1/targets?state=active").path("data").path("activeTargets")) {
            targets.add(new TargetHealth(target.path("labels").path("job").asString(),
                    target.path("labels").path("instance").asString(), target.path("health").asString(),
                    target.path("lastError").asString("")));
        }
        return targets;
    }

    /** The names of every metric Prometheus holds a series of. */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>();
        get("/api/v1/label/__name__/values").path("data").forEach(name -> names.add(name.asString()));
        return names;
    }

    /** The answer of an instant query (a PromQL expression), one sample per series. */
    public List<Sample> query(String promql) {
        List<Sample> samples = new ArrayList<>();
        String path = "/api/v1/query?query=" + java.net.URLEncoder.encode(promql, java.nio.charset.StandardCharsets.UTF_8);
        for (JsonNode series : get(path).path("data").path("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            series.path("metric").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asString()));
            samples.add(new Sample(labels, Double.parseDouble(series.path("value").path(1).asString())));
        }
        return samples;
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new PlatformException("Prometheus at " + url + " answered " + response.statusCode() + " to GET " + path);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PlatformException("Prometheus at " + url + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while asking Prometheus at " + url, e);
        }
    }
}
