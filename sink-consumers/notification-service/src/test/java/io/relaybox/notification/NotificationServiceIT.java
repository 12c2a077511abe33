package io.relaybox.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.relaybox.platform.KafkaEndpoint;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.service.contract.HttpJson;
import io.relaybox.service.contract.OrderEvent;
import io.relaybox.service.contract.ServiceDatabase;
import io.relaybox.service.contract.ServiceInstance;
import io.relaybox.service.contract.TestKafka;
import io.relaybox.service.contract.TestOrder;
import io.relaybox.testkit.KafkaExtension;
import io.relaybox.testkit.PostgresExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The notification service against a real PostgreSQL, a real Kafka broker and a real SMTP server (GreenMail on
 * loopback, read back through its own store): one e-mail per event however often the event arrives, its Message-ID
 * derived from the event id, nothing lost while the SMTP server is down, and a resend after a crash recognisable as
 * the same message.
 */
@ExtendWith({ PostgresExtension.class, KafkaExtension.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String DOMAIN = "notification.relaybox.example";

    private ServiceDatabase database;
    private TestKafka kafka;
    private int smtpPort;
    private GreenMail smtp;
    private ServiceInstance instance;

    @BeforeAll
    void start(PostgresEndpoint postgres, KafkaEndpoint broker) throws IOException {
        database = ServiceDatabase.create(postgres, "notification_it", "notification_app");
        kafka = new TestKafka(broker);
        kafka.ensureTopic(OrderEvent.TOPIC, 6);
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = startSmtp();
        List<String> arguments = new ArrayList<>(ServiceInstance.platformArguments(database, kafka,
                "notification-service-1"));
        arguments.addAll(List.of(
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--outbox.inbox.poll-timeout=200ms",
                "--notification.delivery.interval=200ms",
                "--notification.delivery.backoff-initial=200ms",
                "--notification.delivery.backoff-max=1s"));
        instance = ServiceInstance.start("notification-service-1", NotificationServiceApplication.class, arguments);
    }

    @AfterAll
    void stop() {
        if (instance != null) {
            instance.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void sendsOneConfirmationPerEventEvenWhenTheEventArrivesTwice() throws MessagingException {
        TestOrder order = order("customer-001");
        OrderEvent confirmed = OrderEvent.confirmed(order);

        kafka.publish(confirmed, confirmed);

        MimeMessage mail = awaitMails(order, 1).get(0);
        assertThat(mail.getMessageID()).isEqualTo("<" + confirmed.id() + "@" + DOMAIN + ">");
        assertThat(mail.getHeader("X-Relaybox-Event-Id", null)).isEqualTo(confirmed.id().toString());
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("customer-001@customers.relaybox.example");
        assertThat(mail.getSubject()).isEqualTo("Your order " + order.orderId() + " is confirmed");
        assertThat(GreenMailUtil.getBody(mail)).contains("Hello Customer 001,").contains("SKU-APPLE")
                .contains(order.total().toPlainString());
        await().atMost(TIMEOUT).until(() -> status(order).equals(List.of("SENT")));
        assertThat(mailsOf(order)).hasSize(1);
    }

    @Test
    void sendsACancellationThatSaysWhy() {
        TestOrder order = order("customer-002");

        kafka.publish(OrderEvent.placed(order), OrderEvent.cancelled(order));

        MimeMessage mail = awaitMails(order, 1).get(0);
        assertThat(GreenMailUtil.getBody(mail)).contains("has been cancelled: cancelled by the contract test.");
    }

    @Test
    void sendsOneEmailPerEventWhenAnOrderIsConfirmedAndLaterCancelled() {
        TestOrder order = order("customer-003");
        OrderEvent confirmed = OrderEvent.confirmed(order);
        OrderEvent cancelled = OrderEvent.cancelled(order);

        kafka.publish(confirmed, cancelled);

        assertThat(awaitMails(order, 2)).extracting(NotificationServiceIT::messageId)
                .containsExactlyInAnyOrder("<" + confirmed.id() + "@" + DOMAIN + ">",
                        "<" + cancelled.id() + "@" + DOMAIN + ">");
    }

    @Test
    void sendsToTheFallbackAddressWhenTheCustomerHasNoAddressOnFile() throws MessagingException {
        TestOrder order = order("customer-without-address");

        kafka.publish(OrderEvent.confirmed(order));

        MimeMessage mail = awaitMails(order, 1).get(0);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("customer-care@shop.relaybox.example");
        assertThat(GreenMailUtil.getBody(mail)).contains("Hello customer-without-address,");
    }

    @Test
    void keepsEmailsWhileTheSmtpServerIsDownAndSendsEachOnceItIsBack() {
        TestOrder order = order("customer-004");
        smtp.stop();
        try {
            kafka.publish(OrderEvent.confirmed(order));

            await().atMost(TIMEOUT).until(() -> attempts(order) >= 2);
            assertThat(status(order)).containsExactly("PENDING");
            assertThat(emails(order).get(0).path("lastError").asString()).isNotBlank();
        } finally {
            smtp = startSmtp();
        }

        assertThat(awaitMails(order, 1)).hasSize(1);
        await().atMost(TIMEOUT).until(() -> status(order).equals(List.of("SENT")));
        assertThat(mailsOf(order)).hasSize(1);
    }

    @Test
    void resendsAnEmailWhoseAcceptanceWasNotRecordedUnderTheSameMessageId() {
        TestOrder order = order("customer-005");
        OrderEvent confirmed = OrderEvent.confirmed(order);
        kafka.publish(confirmed);
        awaitMails(order, 1);
        await().atMost(TIMEOUT).until(() -> status(order).equals(List.of("SENT")));

        // what a crash between the server's acceptance and the SENT update leaves behind
        database.execute("UPDATE email SET status = 'PENDING', sent_at = NULL WHERE order_id = ?", order.orderId());

        List<MimeMessage> mails = awaitMails(order, 2);
        assertThat(mails).extracting(NotificationServiceIT::messageId).containsOnly("<" + confirmed.id() + "@"
                + DOMAIN + ">");
    }

    @Test
    void deadLettersAConfirmationWithoutLinesAndSendsTheNextOne() {
        TestOrder poisoned = order("customer-006");
        TestOrder next = order("customer-006");
        OrderEvent withoutLines = OrderEvent.confirmed(poisoned)
                .withPayload(OrderEvent.confirmed(poisoned).payload().replaceFirst("\"lines\":\\[.*?\\]",
                        "\"lines\":[]"));

        kafka.publish(withoutLines, OrderEvent.confirmed(next));

        assertThat(awaitMails(next, 1)).hasSize(1);
        List<ConsumerRecord<String, String>> dead = kafka.read(OrderEvent.TOPIC + ".dlq",
                record -> withoutLines.id().toString().equals(TestKafka.header(record, "id")), 1, TIMEOUT);
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.header(dead.get(0), "relaybox.dlq.reason")).as("an OrderConfirmed without lines breaks its schema")
                .isEqualTo("schema");
        assertThat(mailsOf(poisoned)).isEmpty();
        assertThat(emails(poisoned)).isEmpty();
    }

    private static TestOrder order(String customer) {
        return new TestOrder(UUID.randomUUID(), customer, "EUR",
                List.of(TestOrder.line("SKU-APPLE", 2, "1.25"), TestOrder.line("SKU-BREAD", 1, "3.10")));
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private List<MimeMessage> awaitMails(TestOrder order, int count) {
        await().atMost(TIMEOUT).until(() -> mailsOf(order).size() >= count);
        return mailsOf(order);
    }

    private List<MimeMessage> mailsOf(TestOrder order) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            try {
                if (Arrays.asList(mail.getHeader("X-Relaybox-Order-Id") == null ? new String[0]
                        : mail.getHeader("X-Relaybox-Order-Id")).contains(order.orderId().toString())) {
                    mails.add(mail);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    private List<JsonNode> emails(TestOrder order) {
        HttpJson.Response response = instance.http().get("/orders/" + order.orderId() + "/emails");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> emails = new ArrayList<>();
        response.json().forEach(emails::add);
        return emails;
    }

    private List<String> status(TestOrder order) {
        return emails(order).stream().map(email -> email.path("status").asString()).toList();
    }

    private int attempts(TestOrder order) {
        return emails(order).stream().mapToInt(email -> email.path("attempts").asInt()).sum();
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
