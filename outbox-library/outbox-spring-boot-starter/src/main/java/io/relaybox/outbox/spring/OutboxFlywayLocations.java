package io.relaybox.outbox.spring;

import java.util.Arrays;
import java.util.stream.Stream;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/** Adds the outbox migration's location to the application's own, so that services need no Flyway settings. */
final class OutboxFlywayLocations implements FlywayConfigurationCustomizer {

    static final String LOCATION = "classpath:db/relaybox/outbox";

    @Override
    public void customize(FluentConfiguration configuration) {
        String[] locations = Arrays.stream(configuration.getLocations()).map(Location::getDescriptor)
                .toArray(String[]::new);
        if (!Arrays.asList(locations).contains(LOCATION)) {
            configuration.locations(Stream.concat(Arrays.stream(locations), Stream.of(LOCATION)).toArray(String[]::new));
        }
    }
}
