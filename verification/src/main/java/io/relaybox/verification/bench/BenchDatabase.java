package io.relaybox.verification.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ServiceDatabase;
import io.relaybox.platform.ServiceKind;

/** Connections to the orders database as the monolith's own role. */
final class BenchDatabase {

    private final String url;
    private final String user;
    private final String password;

    BenchDatabase(LocalPlatform platform) {
        ServiceDatabase orders = ServiceKind.named("order-monolith").database();
        this.url = platform.postgres().jdbcUrl(orders.database());
        this.user = orders.ownerRole();
        this.password = platform.secrets().password(orders.ownerRole());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
