package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The platform's SMTP server, started as the platform starts it: it accepts a message over plain SMTP, its API reads
 * the message back by recipient, and it stops by PID.
 */
class MailServerIT {

    @Test
    void acceptsAMessageOverSmtpAndReadsItBackThroughItsApi() throws IOException {
        Path folder = Path.of("target", "mail-it-" + ProcessHandle.current().pid()).toAbsolutePath();
        MailServer mail = new MailServer(folder, PlatformLayout.detect().mailServerClasspath(), FreePort.any(),
                FreePort.any(), folder.resolve("mail.log"));
        String messageId = "<" + UUID.randomUUID() + "@mail-it.example>";
        try {
            mail.start(Duration.ofSeconds(60));

            send(mail.smtpPort(), "anna@customers.example", messageId);

            assertThat(apiGet(mail, "/api/user")).contains("anna@customers.example");
            assertThat(apiGet(mail, "/api/user/anna@customers.example/messages/")).contains(messageId).contains("Hello from the test");
        } finally {
            mail.stop();
        }
        assertThat(mail.process().isAlive()).isFalse();
    }

    private static String apiGet(MailServer mail, String path) throws IOException {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mail.apiEndpoint() + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** One message, in SMTP's own words (RFC 5321), each reply checked. */
    private static void send(int port, String to, String messageId) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            expect(in, "220");
            command(out, in, "HELO mail-it.example", "250");
            command(out, in, "MAIL FROM:<test@mail-it.example>", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            command(out, in, "From: test@mail-it.example\r\nTo: " + to + "\r\nMessage-ID: " + messageId
                    + "\r\nSubject: Hello from the test\r\n\r\nbody\r\n.", "250");
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(Writer out, BufferedReader in, String line, String expectedCode) throws IOException {
        out.write(line + "\r\n");
        out.flush();
        expect(in, expectedCode);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String reply = in.readLine();
        while (reply != null && reply.length() > 3 && reply.charAt(3) == '-') {
            reply = in.readLine();
        }
        assertThat(reply).as("SMTP reply").startsWith(code);
    }
}
