package io.relaybox.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Turns a recorded e-mail into the MIME message that goes over SMTP, with the recorded Message-ID (Jakarta Mail would
 * otherwise make a new one on every attempt) and the event and order ids as {@code X-Relaybox-*} headers.
 */
@Component
class SmtpMessages {

    static final String EVENT_ID_HEADER = "X-Relaybox-Event-Id";
    static final String ORDER_ID_HEADER = "X-Relaybox-Order-Id";

    private final JavaMailSenderImpl sender;
    private final String from;

    SmtpMessages(JavaMailSenderImpl sender, NotificationProperties properties) {
        this.sender = sender;
        this.from = properties.from();
    }

    /** Hands the e-mail to the SMTP server; returns once the server accepted it. */
    void send(OrderEmail email) throws MessagingException {
        MimeMessage message = new RecordedIdMessage(sender.getSession(), email.messageId());
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.recipient()));
        message.setSubject(email.subject(), "UTF-8");
        message.setText(email.body(), "UTF-8");
        message.setHeader(EVENT_ID_HEADER, email.eventId().toString());
        message.setHeader(ORDER_ID_HEADER, email.orderId().toString());
        sender.send(message);
    }

    /** A message whose Message-ID is the recorded one, on every save. */
    private static final class RecordedIdMessage extends MimeMessage {

        private final String messageId;

        RecordedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
