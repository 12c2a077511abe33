package io.relaybox.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;

/**
 * Answers every error of a servlet web application with an RFC 9457 problem response, and refuses request bodies over
 * a size limit ({@link RequestBodyLimit}). Runs before Spring Boot's
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

    /**
     * The limit of request bodies, {@value RequestBodyLimit#PROPERTY} (default 1MB), ahead of every other filter.
     *
     * @param environment where the limit is set
     * @return the filter's registration
     */
    @Bean
    @ConditionalOnMissingBean(RequestBodyLimit.class)
    public FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(Environment environment) {
        DataSize limit = Binder.get(environment).bind(RequestBodyLimit.PROPERTY, DataSize.class).orElse(DataSize.ofMegabytes(1));
        Map<String, Long> byPath = new LinkedHashMap<>();
        Binder.get(environment).bind(RequestBodyLimit.LARGE_BODIES_PROPERTY, Bindable.mapOf(String.class, DataSize.class))
                .ifBound(limits -> limits.forEach((path, size) -> byPath.put(path, size.toBytes())));
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(limit.toBytes(), byPath));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * JSON as it is written: {@code "5"} or {@code 1.5} for a whole number, {@code "true"} for a boolean, and a key
     * given twice in one object are refused with a 400 naming the field (Jackson's default would quietly take them for
     * 5, 1, true and the last value). Applies to the application's {@code JsonMapper}: request bodies and the events its
     * consumers read.
     *
     * @return the customizer of Spring Boot's JSON mapper
     */
    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer")
    public JsonMapperBuilderCustomizer strictJsonScalars() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /** Tomcat's own refusals (before any servlet) as problem+json too: {@link ProblemErrorReportValve} as the host's valve. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    static class TomcatErrorReports {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
