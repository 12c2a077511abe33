package io.relaybox.verification.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What the local platform's SMTP server (GreenMail standalone) received, read over its HTTP API: {@code GET /api/user}
 * lists a mailbox per recipient, {@code GET /api/user/<address>/messages/} each message with its raw text. The source
 * of truth for "was the customer e-mailed": not the notification service's own table.
 */
public final class MailedEmails {

    private final String apiUrl;

    /** @param apiUrl the mail server's API, e.g. {@code http://127.0.0.1:18025} */
    public MailedEmails(String apiUrl) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    /** Every message of every mailbox, now. */
    public List<SentMail> all() throws InterruptedException {
        List<SentMail> mails = new ArrayList<>();
        for (JsonNode mailbox : get("/api/user")) {
            String address = mailbox.path("email").asString();
            for (JsonNode message : get("/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/")) {
                mails.add(SentMail.parse(address, message.path("mimeMessage").asString()));
            }
        }
        return mails;
    }

    private JsonNode get(String path) throws InterruptedException {
        return JsonGet.get(apiUrl + path, Duration.ofSeconds(30));
    }
}
