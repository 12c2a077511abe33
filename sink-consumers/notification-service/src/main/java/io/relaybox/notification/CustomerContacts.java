package io.relaybox.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code customer_contact} table: where a customer's e-mails go, or the fallback address. */
@Repository
class CustomerContacts {

    private final JdbcClient jdbc;
    private final String fallbackAddress;

    CustomerContacts(JdbcClient jdbc, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.fallbackAddress = properties.fallbackAddress();
    }

    /** The customer's address and name; the fallback address, greeting the customer by id, when there is none. */
    Recipient recipientOf(String customerId) {
        return jdbc.sql("SELECT email, name FROM customer_contact WHERE customer_id = ?")
                .param(customerId)
                .query((row, n) -> new Recipient(row.getString("email"), row.getString("name"), false))
                .optional()
                .orElseGet(() -> new Recipient(fallbackAddress, customerId, true));
    }
}
