package io.relaybox.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Answers every error of a servlet web application with an RFC 9457 problem response. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class ProblemResponsesAutoConfiguration {

    /**
     * The exception handlers.
     *
     * @return the controller advice
     */
    @Bean
    public ProblemResponses problemResponses() {
        return new ProblemResponses();
    }
}
