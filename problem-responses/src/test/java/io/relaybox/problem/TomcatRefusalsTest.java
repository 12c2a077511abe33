package io.relaybox.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What Tomcat refuses before any servlet runs, over real HTTP on an embedded Tomcat. */
@SpringBootTest(classes = TomcatRefusalsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TomcatRefusalsTest {

    @LocalServerPort
    int port;

    @Test
    void aPathTomcatRefusesIsAProblemNotAnHtmlPage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/things/%00")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":400", "\"title\":\"Bad Request\"", "\"field\":\"request\"")
                .doesNotContain("<html", "Tomcat");
    }

    @Test
    void whatTheApplicationAnswersStaysItsOwn() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/things/apple")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("apple");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @RestController
        static class Things {

            @GetMapping("/things/{name}")
            String thing(@PathVariable String name) {
                return name;
            }
        }
    }
}
