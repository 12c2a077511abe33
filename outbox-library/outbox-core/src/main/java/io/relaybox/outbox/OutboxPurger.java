package io.relaybox.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

/**
 * Deletes outbox rows older than a retention, for {@link CleanupMode#RETAIN}. Each batch is deleted in its own short
 * transaction, so a purge never holds many locks; purgers on several instances skip each other's rows. The outbox
 * publication only publishes inserts, so these deletes never reach Debezium. Thread-safe.
 */
public final class OutboxPurger {

    /** The default retention: seven days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    /** The default number of rows deleted per transaction. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final DataSource dataSource;
    private final OutboxTable table;
    private final Duration retention;
    private final int batchSize;
    private final Clock clock;

    private OutboxPurger(DataSource dataSource, OutboxTable table, Duration retention, int batchSize, Clock clock) {
        this.dataSource = dataSource;
        this.table = table;
        this.retention = retention;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /**
     * Starts configuring a purger; only {@link Builder#dataSource(DataSource)} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Deletes every row whose {@code occurredat} is older than now minus the retention.
     *
     * @return the number of rows deleted
     * @throws OutboxException when a batch cannot be deleted; batches deleted before stay deleted
     */
    public long purge() {
        Instant cutoff = clock.instant().minus(retention);
        long total = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean wasAutoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int deleted;
                do {
                    deleted = deleteBatch(connection, cutoff);
                    total += deleted;
                } while (deleted == batchSize);
            } finally {
                connection.setAutoCommit(wasAutoCommit);
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot purge " + table.name() + " (deleted " + total + " rows so far): "
                    + e.getMessage(), e);
        }
        return total;
    }

    private int deleteBatch(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(table.purgeBatchSql())) {
            delete.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            delete.setInt(2, batchSize);
            int deleted = delete.executeUpdate();
            connection.commit();
            return deleted;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Configures an {@link OutboxPurger}; validated once by {@link #build()}. Not thread-safe. */
    public static final class Builder {

        private DataSource dataSource;
        private String table = OutboxBuilder.DEFAULT_TABLE;
        private Duration retention = DEFAULT_RETENTION;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Where the purger gets its own connections (it never joins a caller's transaction). Required.
         *
         * @param dataSource the data source
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * The outbox table ({@code outbox.table}); default {@value OutboxBuilder#DEFAULT_TABLE}.
         *
         * @param table the table name
         * @return this builder
         */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /**
         * How long rows are kept, by {@code occurredat} ({@code outbox.retention}); default seven days.
         *
         * @param retention a positive duration
         * @return this builder
         */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /**
         * Rows deleted per transaction ({@code outbox.purge-batch-size}); default {@value OutboxPurger#DEFAULT_BATCH_SIZE}.
         *
         * @param batchSize a positive number of rows
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * The clock that defines "now"; default {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Validates the settings and builds the purger.
         *
         * @return the purger
         * @throws OutboxConfigurationException naming the first invalid setting
         */
        public OutboxPurger build() {
            OutboxBuilder.require(dataSource, "outbox.data-source");
            OutboxTable outboxTable = new OutboxTable(table);
            if (retention == null || retention.isNegative() || retention.isZero()) {
                throw new OutboxConfigurationException("outbox.retention must be positive, was: " + retention);
            }
            if (batchSize <= 0) {
                throw new OutboxConfigurationException("outbox.purge-batch-size must be positive, was: " + batchSize);
            }
            OutboxBuilder.require(clock, "outbox.clock");
            return new OutboxPurger(dataSource, outboxTable, retention, batchSize, clock);
        }
    }
}
