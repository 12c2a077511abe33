package io.relaybox.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class RequestBodyLimitTest {

    private static final int LIMIT = 16;
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Echo()).setControllerAdvice(new ProblemResponses())
            .addFilters(new RequestBodyLimit(LIMIT)).build();

    @Test
    void refusesABodyWhoseLengthIsOverTheLimitWith413NamingTheBody() throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("\"" + "x".repeat(LIMIT) + "\""))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.instance").value("/echo"))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message").value("size must be at most 16 bytes"));
    }

    @Test
    void passesABodyUpToTheLimit() throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("\"" + "x".repeat(LIMIT - 2) + "\""))
                .andExpect(status().isOk()).andExpect(content().string("x".repeat(LIMIT - 2)));
    }

    @Test
    void stopsReadingAChunkedBodyAtTheLimit() {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/echo") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent("x".repeat(LIMIT + 1).getBytes(StandardCharsets.UTF_8));
        MockFilterChain reader = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                request.getInputStream().readAllBytes();
            }
        });

        assertThatThrownBy(() -> new RequestBodyLimit(LIMIT).doFilter(chunked, new MockHttpServletResponse(), reader))
                .isInstanceOf(RequestBodyLimit.TooLarge.class).hasMessage("the request body is larger than 16 bytes");
    }

    @Test
    void answersAChunkedBodyCutAtTheLimitWith413() throws Exception {
        MockMvc unlimited = MockMvcBuilders.standaloneSetup(new Echo()).setControllerAdvice(new ProblemResponses()).build();

        unlimited.perform(post("/too-large").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void isRegisteredWithTheConfiguredLimit() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(ProblemResponsesAutoConfiguration.class))
                .withPropertyValues(RequestBodyLimit.PROPERTY + "=2KB")
                .run(context -> assertThat(context).getBean("requestBodyLimit", FilterRegistrationBean.class)
                        .extracting(FilterRegistrationBean::getFilter).extracting("maxBytes").isEqualTo(2048L));
    }

    @Test
    void letsAPathWithItsOwnLimitTakeALargerBody() throws Exception {
        MockMvc withLargeBodies = MockMvcBuilders.standaloneSetup(new Echo()).setControllerAdvice(new ProblemResponses())
                .addFilters(new RequestBodyLimit(LIMIT, java.util.Map.of("/echo", 4L * LIMIT))).build();

        withLargeBodies.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("\"" + "x".repeat(2 * LIMIT) + "\""))
                .andExpect(status().isOk());
        withLargeBodies.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("\"" + "x".repeat(4 * LIMIT) + "\""))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.errors[0].message").value("size must be at most " + 4 * LIMIT + " bytes"));
    }

    @Test
    void isRegisteredWithTheConfiguredLimitsPerPath() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(ProblemResponsesAutoConfiguration.class))
                .withPropertyValues(RequestBodyLimit.LARGE_BODIES_PROPERTY + "[/migration/state]=3MB")
                .run(context -> assertThat(context).getBean("requestBodyLimit", FilterRegistrationBean.class)
                        .extracting(FilterRegistrationBean::getFilter).extracting("maxBytesByPath")
                        .isEqualTo(java.util.Map.of("/migration/state", 3L * 1024 * 1024)));
    }

    @RestController
    static class Echo {

        @PostMapping("/echo")
        String echo(@RequestBody String body) {
            return body.substring(1, body.length() - 1);
        }

        /** What Spring MVC throws when {@link RequestBodyLimit} stops a chunked body. */
        @PostMapping("/too-large")
        String tooLarge() {
            throw new HttpMessageNotReadableException("I/O error while reading input message", new RequestBodyLimit.TooLarge(LIMIT),
                    new MockHttpInputMessage(new byte[0]));
        }
    }
}
