package io.relaybox.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code account} table: one balance per customer and currency. */
@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The balance, its row locked until the transaction ends; empty when the customer has no such account. */
    Optional<BigDecimal> lockBalance(String customerId, String currency) {
        return jdbc.sql("SELECT balance FROM account WHERE customer_id = ? AND currency = ? FOR UPDATE")
                .params(customerId, currency)
                .query(BigDecimal.class)
                .optional();
    }

    /** Locks the accounts that exist of these keys, in customer and currency order, and reads nothing. */
    void lock(Collection<AccountKey> keys) {
        jdbc.sql("SELECT 1 FROM account WHERE (customer_id, currency) IN (SELECT * FROM unnest(?::text[], ?::text[]))"
                + " ORDER BY customer_id COLLATE \"C\", currency COLLATE \"C\" FOR UPDATE")
                .params(keys.stream().map(AccountKey::customerId).toArray(String[]::new),
                        keys.stream().map(AccountKey::currency).toArray(String[]::new))
                .query(Integer.class)
                .list();
    }

    /** Locks every account in customer and currency order, as {@link #lock} does: a state transfer replaces them all. */
    void lockAll() {
        jdbc.sql("SELECT 1 FROM account ORDER BY customer_id COLLATE \"C\", currency COLLATE \"C\" FOR UPDATE")
                .query(Integer.class)
                .list();
    }

    boolean isKnown(String customerId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE customer_id = ?)").param(customerId)
                .query(Boolean.class).single();
    }

    /** Adds the amount (negative to debit) to the balance locked by {@link #lockBalance}. */
    void add(Charge charge, BigDecimal amount) {
        int updated = jdbc.sql("UPDATE account SET balance = balance + ? WHERE customer_id = ? AND currency = ?")
                .params(amount, charge.customerId(), charge.currency())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("the " + charge.currency() + " account of " + charge.customerId()
                    + " does not exist");
        }
    }

    List<Account> all() {
        return accounts(jdbc.sql("SELECT customer_id, currency, balance, initial FROM account"
                + " ORDER BY customer_id, currency").query(AccountRepository::row).list());
    }

    Optional<Account> find(String customerId) {
        return accounts(jdbc.sql("SELECT customer_id, currency, balance, initial FROM account WHERE customer_id = ?"
                + " ORDER BY currency").param(customerId).query(AccountRepository::row).list())
                .stream().findFirst();
    }

    private record Row(String customerId, AccountBalance balance) {
    }

    private static Row row(ResultSet row, int rowNum) throws SQLException {
        return new Row(row.getString("customer_id"), new AccountBalance(row.getString("currency"),
                row.getBigDecimal("balance"), row.getBigDecimal("initial")));
    }

    private static List<Account> accounts(List<Row> rows) {
        Map<String, List<AccountBalance>> byCustomer = new LinkedHashMap<>();
        rows.forEach(row -> byCustomer.computeIfAbsent(row.customerId(), id -> new ArrayList<>()).add(row.balance()));
        List<Account> accounts = new ArrayList<>();
        byCustomer.forEach((customerId, balances) -> accounts.add(new Account(customerId, balances)));
        return accounts;
    }
}
