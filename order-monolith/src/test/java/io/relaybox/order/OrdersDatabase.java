package io.relaybox.order;

import org.springframework.test.context.DynamicPropertyRegistry;
import io.relaybox.testkit.PostgresExtension;

/** A database for one test class, owned by the application role as on the platform; the application migrates it. */
final class OrdersDatabase {

    static final String APP_ROLE = "orders_app";
    static final String APP_PASSWORD = "orders-pw";

    private OrdersDatabase() {
    }

    /** Creates the database (once) and points {@code spring.datasource.*} at it. */
    static void register(String name, DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> {
            PostgresExtension.endpoint().ensureRole(APP_ROLE, APP_PASSWORD, false);
            PostgresExtension.endpoint().ensureDatabase(name, APP_ROLE);
            return PostgresExtension.endpoint().jdbcUrl(name);
        });
        registry.add("spring.datasource.username", () -> APP_ROLE);
        registry.add("spring.datasource.password", () -> APP_PASSWORD);
    }
}
