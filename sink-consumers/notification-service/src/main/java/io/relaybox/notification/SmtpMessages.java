package io.relaybox.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Turns a recorded e-mail into the MIME message that goes over SMTP, with the recorded Message-ID (Jakarta Mail would
 * otherwise make a new one on every attempt) and the event and order ids as {@code X-Relaybox-*} headers, and sends it
 * over a {@link Connection} that stays open for a round of e-mails (one SMTP session, one message after the other,
 * each accepted before the next: what the guarantee needs, without a TCP and SMTP handshake per e-mail).
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

    /** A connection to the SMTP server, opened by its first e-mail; close it when the round is over. */
    Connection connection() {
        return new Connection();
    }

    /** One SMTP session for several e-mails, each handed over and accepted on its own. */
    final class Connection implements AutoCloseable {

        private Transport transport;

        private Connection() {
        }

        /** Hands the e-mail to the SMTP server; returns once the server accepted it. */
        void send(OrderEmail email) throws MessagingException {
            MimeMessage message = message(email);
            try {
                if (transport == null || !transport.isConnected()) {
                    close();
                    transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
                    transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
                }
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                // the session may be broken: the next e-mail opens a new one
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // closing a broken session: nothing left to do
                }
                transport = null;
            }
        }
    }

    private MimeMessage message(OrderEmail email) throws MessagingException {
        MimeMessage message = new RecordedIdMessage(sender.getSession(), email.messageId());
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.recipient()));
        message.setSubject(email.subject(), "UTF-8");
        message.setText(email.body(), "UTF-8");
        message.setHeader(EVENT_ID_HEADER, email.eventId().toString());
        message.setHeader(ORDER_ID_HEADER, email.orderId().toString());
        message.saveChanges();
        return message;
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
