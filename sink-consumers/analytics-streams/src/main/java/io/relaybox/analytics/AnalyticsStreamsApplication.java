package io.relaybox.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the analytics application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnalyticsStreamsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsStreamsApplication.class, args);
    }
}
