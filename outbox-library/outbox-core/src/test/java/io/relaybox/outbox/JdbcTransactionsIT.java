package io.relaybox.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class JdbcTransactionsIT {

    static TestDatabase database;
    static JdbcTransactions transactions;

    @BeforeAll
    static void createDatabase(PostgresEndpoint server) {
        database = TestDatabase.create(server, "transactions_it");
        database.execute("CREATE TABLE note (text text)");
        transactions = JdbcTransactions.of(database.dataSource());
    }

    @BeforeEach
    void emptyTable() {
        database.execute("TRUNCATE note");
    }

    @Test
    void commitsWhenTheWorkReturns() {
        String result = transactions.inTransaction(() -> {
            insertNote("kept");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(database.count("note")).isEqualTo(1);
    }

    @Test
    void rollsBackAndWrapsACheckedException() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            insertNote("lost");
            throw new IOException("disk gone");
        })).isInstanceOf(TransactionFailedException.class).hasRootCauseMessage("disk gone");

        assertThat(database.count("note")).isZero();
    }

    @Test
    void nestedCallJoinsTheRunningTransaction() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            Connection outer = transactions.currentTransactionConnection();
            transactions.inTransaction(() -> {
                assertThat(transactions.currentTransactionConnection()).isSameAs(outer);
                insertNote("inner");
            });
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(database.count("note")).isZero();
    }

    @Test
    void unbindsTheConnectionAfterwards() {
        transactions.inTransaction(() -> insertNote("x"));

        assertThatThrownBy(transactions::currentTransactionConnection).isInstanceOf(NoActiveTransactionException.class);
    }

    private static void insertNote(String text) {
        try (Statement statement = transactions.currentTransactionConnection().createStatement()) {
            statement.executeUpdate("INSERT INTO note VALUES ('" + text + "')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
