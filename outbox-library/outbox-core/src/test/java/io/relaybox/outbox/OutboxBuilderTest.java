package io.relaybox.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class OutboxBuilderTest {

    private static final TransactionalConnectionSource NO_TRANSACTION = () -> {
        throw new NoActiveTransactionException("none");
    };

    @Test
    void requiresAConnectionSource() {
        assertThatThrownBy(() -> Outbox.builder().build())
                .isInstanceOf(OutboxConfigurationException.class)
                .hasMessage("outbox.connection-source must be set");
    }

    @Test
    void rejectsNonPositiveMaxPayloadBytes() {
        assertThatThrownBy(() -> Outbox.builder().connectionSource(NO_TRANSACTION).maxPayloadBytes(0).build())
                .isInstanceOf(OutboxConfigurationException.class)
                .hasMessage("outbox.max-payload-bytes must be positive, was: 0");
    }

    @Test
    void rejectsTableNameThatIsNotAnIdentifier() {
        assertThatThrownBy(() -> Outbox.builder().connectionSource(NO_TRANSACTION).table("outbox; drop table x").build())
                .isInstanceOf(OutboxConfigurationException.class)
                .hasMessageStartingWith("outbox.table must be a plain or schema-qualified SQL identifier");
    }

    @Test
    void acceptsSchemaQualifiedTable() {
        assertThat(Outbox.builder().connectionSource(NO_TRANSACTION).table("events.outbox_event").build()).isNotNull();
    }

    @Test
    void rejectsMissingCleanupMode() {
        assertThatThrownBy(() -> Outbox.builder().connectionSource(NO_TRANSACTION).cleanupMode(null).build())
                .hasMessage("outbox.cleanup must be set");
    }

    @Test
    void builtOutboxRefusesToPublishWithoutTransaction() {
        Outbox outbox = Outbox.builder().connectionSource(NO_TRANSACTION).build();

        assertThatThrownBy(() -> outbox.publish("orders", "o-1", "OrderPlaced", "x"))
                .isInstanceOf(NoActiveTransactionException.class);
    }

    @Test
    void purgerRejectsNonPositiveRetention() {
        DataSource dataSource = new PGSimpleDataSource();

        assertThatThrownBy(() -> OutboxPurger.builder().dataSource(dataSource).retention(Duration.ZERO).build())
                .isInstanceOf(OutboxConfigurationException.class)
                .hasMessage("outbox.retention must be positive, was: PT0S");
    }

    @Test
    void purgerRejectsNonPositiveBatchSize() {
        DataSource dataSource = new PGSimpleDataSource();

        assertThatThrownBy(() -> OutboxPurger.builder().dataSource(dataSource).batchSize(-1).build())
                .hasMessage("outbox.purge-batch-size must be positive, was: -1");
    }

    @Test
    void purgerRequiresADataSource() {
        assertThatThrownBy(() -> OutboxPurger.builder().build()).hasMessage("outbox.data-source must be set");
    }
}
