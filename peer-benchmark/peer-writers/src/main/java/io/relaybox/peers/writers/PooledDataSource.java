package io.relaybox.peers.writers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The pool of the peers without Spring: HikariCP, as Spring Boot's default, a fixed size of one connection per writer
 * and eight for the relay (the Spring peers set the same in their application.properties). The application must have
 * HikariCP on its class path.
 */
public final class PooledDataSource {

    private PooledDataSource() {
    }

    /** Connections in the pool for the settings' writers and a relay. */
    public static int size(PeerSettings settings) {
        return settings.writers() + 8;
    }

    /** A pool on the settings' database. */
    public static HikariDataSource open(PeerSettings settings) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(settings.jdbcUrl());
        pool.setUsername(settings.user());
        pool.setPassword(settings.password());
        pool.setMaximumPoolSize(size(settings));
        pool.setMinimumIdle(size(settings));
        return new HikariDataSource(pool);
    }
}
