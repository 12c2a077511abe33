package io.relaybox.outbox.spring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.relaybox.outbox.CleanupMode;
import io.relaybox.outbox.PayloadValidation;

/** The {@code outbox.*} properties of the relaybox outbox starter. */
@ConfigurationProperties("outbox")
public class OutboxProperties {

    /** Whether to auto-configure the outbox (default true). */
    private boolean enabled = true;

    /** The table events are written to; the shipped migration creates outbox_event (default outbox_event). */
    private String table = "outbox_event";

    /** What happens to a row after the insert: delete-after-insert keeps the table empty, retain keeps rows for outbox.retention (default delete-after-insert). */
    private CleanupMode cleanup = CleanupMode.DELETE_AFTER_INSERT;

    /** How long rows are kept in retain mode before the purger deletes them (default 7d). */
    private Duration retention = Duration.ofDays(7);

    /** How often the purger runs in retain mode; it does not run in delete-after-insert mode (default 1h). */
    private Duration purgeInterval = Duration.ofHours(1);

    /** How many rows the purger deletes per transaction (default 1000). */
    private int purgeBatchSize = 1000;

    /** The largest payload accepted, in bytes of UTF-8 JSON; a larger one fails at write time, in the business transaction (default 921600, 900 KiB). */
    private int maxPayloadBytes = 921600;

    /**
     * What to do with a payload that breaks its contract (a PayloadValidator bean, else one found through ServiceLoader,
     * e.g. event-contracts' JSON Schemas): strict refuses the event inside the business transaction, warn writes it and
     * logs, off does not check (default strict; without a validator nothing is checked).
     */
    private PayloadValidation validation = PayloadValidation.STRICT;

    /** Flyway integration. */
    private final Flyway flyway = new Flyway();

    /** The inbox (idempotent consumer). */
    private final Inbox inbox = new Inbox();

    /** @return whether the outbox is auto-configured */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the outbox is auto-configured */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return what to do with a payload that breaks its contract */
    public PayloadValidation getValidation() {
        return validation;
    }

    /** @param validation what to do with a payload that breaks its contract */
    public void setValidation(PayloadValidation validation) {
        this.validation = validation;
    }

    /** @return the outbox table */
    public String getTable() {
        return table;
    }

    /** @param table the outbox table */
    public void setTable(String table) {
        this.table = table;
    }

    /** @return the cleanup mode */
    public CleanupMode getCleanup() {
        return cleanup;
    }

    /** @param cleanup the cleanup mode */
    public void setCleanup(CleanupMode cleanup) {
        this.cleanup = cleanup;
    }

    /** @return how long rows are retained in retain mode */
    public Duration getRetention() {
        return retention;
    }

    /** @param retention how long rows are retained in retain mode */
    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    /** @return how often the purger runs in retain mode */
    public Duration getPurgeInterval() {
        return purgeInterval;
    }

    /** @param purgeInterval how often the purger runs in retain mode */
    public void setPurgeInterval(Duration purgeInterval) {
        this.purgeInterval = purgeInterval;
    }

    /** @return rows deleted per purge transaction */
    public int getPurgeBatchSize() {
        return purgeBatchSize;
    }

    /** @param purgeBatchSize rows deleted per purge transaction */
    public void setPurgeBatchSize(int purgeBatchSize) {
        this.purgeBatchSize = purgeBatchSize;
    }

    /** @return the largest payload accepted, in bytes */
    public int getMaxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** @param maxPayloadBytes the largest payload accepted, in bytes */
    public void setMaxPayloadBytes(int maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** @return the Flyway settings */
    public Flyway getFlyway() {
        return flyway;
    }

    /** @return the inbox settings */
    public Inbox getInbox() {
        return inbox;
    }

    /** The {@code outbox.inbox.*} properties. */
    public static class Inbox {

        /** Whether to auto-configure the inbox when the application defines an EventHandler bean (default true). */
        private boolean enabled = true;

        /** The consumer name events are recorded under in processed_event; keep it stable, a new name applies every event again (default spring.application.name). */
        private String consumer;

        /**
         * What to do with a received payload that breaks its contract (the same check as outbox.validation): strict
         * dead-letters it with reason schema, warn logs it and handles it, off does not check (default strict).
         */
        private PayloadValidation validation = PayloadValidation.STRICT;

        /** @return what to do with a received payload that breaks its contract */
        public PayloadValidation getValidation() {
            return validation;
        }

        /** @param validation what to do with a received payload that breaks its contract */
        public void setValidation(PayloadValidation validation) {
            this.validation = validation;
        }

        /** @return whether the inbox is auto-configured */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the inbox is auto-configured */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the consumer name, or null for spring.application.name */
        public String getConsumer() {
            return consumer;
        }

        /** @param consumer the consumer name */
        public void setConsumer(String consumer) {
            this.consumer = consumer;
        }
    }

    /** The {@code outbox.flyway.*} properties. */
    public static class Flyway {

        /** Whether to add classpath:db/relaybox/outbox (the outbox table and publication) to the application's Flyway locations (default true). */
        private boolean enabled = true;

        /** @return whether the outbox migration location is added */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the outbox migration location is added */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
