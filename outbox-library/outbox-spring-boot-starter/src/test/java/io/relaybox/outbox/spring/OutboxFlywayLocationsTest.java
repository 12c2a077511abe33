package io.relaybox.outbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

class OutboxFlywayLocationsTest {

    @Test
    void addsTheOutboxLocationAfterTheApplicationsOwn() {
        FluentConfiguration configuration = Flyway.configure().locations("classpath:db/migration");

        new OutboxFlywayLocations().customize(configuration);

        assertThat(configuration.getLocations()).extracting(Location::getDescriptor)
                .containsExactly("classpath:db/migration", "classpath:db/relaybox/outbox");
    }

    @Test
    void addsTheOutboxLocationOnlyOnce() {
        FluentConfiguration configuration = Flyway.configure().locations("classpath:db/migration",
                "classpath:db/relaybox/outbox");

        new OutboxFlywayLocations().customize(configuration);

        assertThat(configuration.getLocations()).hasSize(2);
    }
}
