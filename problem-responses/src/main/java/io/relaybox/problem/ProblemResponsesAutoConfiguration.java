package io.relaybox.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error of a servlet web application with an RFC 9457 problem response. Runs before Spring Boot's
 * web MVC auto-configuration, whose own {@code ProblemDetail} handler ({@code spring.mvc.problemdetails.enabled})
 * then backs off; this one backs off when the application defines its own {@link ResponseEntityExceptionHandler}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ResponseEntityExceptionHandler.class)
public final class ProblemResponsesAutoConfiguration {

    /**
     * The exception handlers.
     *
     * @return the controller advice
     */
    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    public ProblemResponses problemResponses() {
        return new ProblemResponses();
    }
}
