package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** {@code status} lists each capability's migration mode as the order monolith reports it, and never fails on it. */
class MigrationStatusTest {

    @Test
    void listsEachCapabilitysMode() throws IOException {
        HttpServer monolith = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        monolith.createContext("/migration/modes", exchange -> {
            byte[] body = ("[{\"capability\":\"inventory\",\"mode\":\"shadow\",\"shadowShare\":0.25,\"changedAt\":\"2026-12-06T14:00:00.123456Z\","
                    + "\"changedBy\":\"alice\",\"reason\":\"parallel run\"},{\"capability\":\"payment\",\"mode\":\"monolith\",\"shadowShare\":1.0,"
                    + "\"changedAt\":\"2026-12-01T09:00:00Z\",\"changedBy\":\"system\",\"reason\":null}]").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        monolith.start();
        try {
            StatusCommand.MigrationReading reading = StatusCommand.MigrationReading.of("http://127.0.0.1:" + monolith.getAddress().getPort());

            assertThat(reading.problem()).isNull();
            assertThat(reading.rows()).extracting(row -> row.get("capability") + " " + row.get("mode") + " " + row.get("shadowShare") + " "
                    + row.get("changedAt") + " " + row.get("changedBy") + " " + row.get("reason")).containsExactly(
                            "inventory shadow 0.25 2026-12-06T14:00:00.123456Z alice parallel run",
                            "payment monolith 1.0 2026-12-01T09:00:00Z system null");
        } finally {
            monolith.stop(0);
        }
    }

    @Test
    void saysBrieflyWhyWhenTheMonolithDoesNotAnswer() {
        StatusCommand.MigrationReading reading = StatusCommand.MigrationReading.of("http://127.0.0.1:1");

        assertThat(reading.modes()).isEmpty();
        assertThat(reading.problem()).contains("does not answer GET /migration/modes").doesNotContain("\n");
        assertThat(reading.rows()).singleElement().satisfies(row -> assertThat(row).containsEntry("capability", "(order-monolith)")
                .containsEntry("mode", "UNKNOWN").containsKey("error"));
    }
}
