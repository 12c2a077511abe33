package io.relaybox.notification;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;

/**
 * Delivers the pending e-mails: one thread that wakes when a transaction that recorded an e-mail commits, or after
 * {@code notification.delivery.interval} at the latest. A round shares one SMTP session; each e-mail in it is delivered
 * in a transaction of its own that
 * locks its row (SKIP LOCKED: another instance takes the next one), hands it to the SMTP server and marks it SENT, so
 * a crash can resend at most the one e-mail whose acceptance was not yet recorded, under the same Message-ID. An
 * attempt that fails leaves the e-mail pending, due again after a backoff that doubles up to its maximum: with the
 * SMTP server down nothing is lost, it waits.
 */
@Component
class EmailDelivery implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmailDelivery.class);

    private final EmailRepository emails;
    private final SmtpMessages smtp;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final int batchSize;
    private final Backoff backoff;
    private final Semaphore nudges = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    EmailDelivery(EmailRepository emails, SmtpMessages smtp, TransactionTemplate transactions,
            NotificationProperties properties) {
        this.emails = emails;
        this.smtp = smtp;
        this.transactions = transactions;
        this.interval = properties.delivery().interval();
        this.batchSize = properties.delivery().batchSize();
        this.backoff = new Backoff(properties.delivery().backoffInitial(), properties.delivery().backoffMax());
    }

    /** Something was recorded: deliver now instead of at the next interval. */
    void wakeUp() {
        nudges.release();
    }

    /**
     * Delivers up to a batch of due e-mails.
     *
     * @return how many attempts were made (successful or not)
     */
    int deliverDue() {
        int attempts = 0;
        try (SmtpMessages.Connection connection = smtp.connection()) {
            while (attempts < batchSize && Boolean.TRUE.equals(transactions.execute(status -> deliverNext(connection)))) {
                attempts++;
            }
        }
        return attempts;
    }

    private boolean deliverNext(SmtpMessages.Connection connection) {
        Optional<OrderEmail> due = emails.lockNextDue();
        if (due.isEmpty()) {
            return false;
        }
        OrderEmail email = due.get();
        try {
            connection.send(email);
            emails.sent(email.eventId());
        } catch (MailException | MessagingException e) {
            Duration wait = backoff.after(email.attempts() + 1);
            LOG.warn("e-mail {} of order {} not accepted (attempt {}), again in {}: {}", email.messageId(),
                    email.orderId(), email.attempts() + 1, wait, e.getMessage());
            emails.failed(email.eventId(), wait, String.valueOf(e.getMessage()));
        }
        return true;
    }

    private void run() {
        while (running) {
            try {
                if (deliverDue() < batchSize) {
                    nudges.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                    nudges.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("delivering e-mails failed, trying again in {}: {}", interval, e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "email-delivery");
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        nudges.release();
        if (thread != null) {
            try { // the e-mail in hand is finished, not interrupted: an interrupted send would count as a failure
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
