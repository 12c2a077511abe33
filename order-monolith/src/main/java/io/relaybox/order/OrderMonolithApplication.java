package io.relaybox.order;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Starts the order monolith. */
@SpringBootApplication
public class OrderMonolithApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderMonolithApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
