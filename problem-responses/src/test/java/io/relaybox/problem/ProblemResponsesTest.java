package io.relaybox.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The problem responses, rendered by Spring MVC without a server; the services' ITs cover them over HTTP. */
class ProblemResponsesTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things())
            .setControllerAdvice(new ProblemResponses()).build();

    @Test
    void answersNotFoundWithItsTitleAndDetail() throws Exception {
        mvc.perform(get("/things/missing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Thing not found"))
                .andExpect(jsonPath("$.detail").value("thing missing does not exist"));
    }

    @Test
    void namesEveryInvalidField() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value("2 fields are invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[1].message").value("must be greater than 0"));
    }

    @Test
    void namesAPathVariableOfTheWrongType() throws Exception {
        mvc.perform(get("/things/by-id/42"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a UUID"));
    }

    @Test
    void keepsTheMessagesOfTheExceptions() {
        assertThat(new NotFoundException("Thing not found", "thing x does not exist"))
                .hasMessage("thing x does not exist");
        assertThat(new InvalidRequestException(List.of(new FieldViolation("name", "must not be blank"))))
                .hasMessage("1 field is invalid");
    }

    @Test
    void isConfiguredInServletApplicationsOnly() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProblemResponsesAutoConfiguration.class))
                .run(context -> assertThat(context).hasSingleBean(ProblemResponses.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProblemResponsesAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(ProblemResponses.class));
    }

    @Test
    void backsOffWhenTheApplicationHasItsOwnHandler() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProblemResponsesAutoConfiguration.class))
                .withBean(ResponseEntityExceptionHandler.class, () -> new ResponseEntityExceptionHandler() { })
                .run(context -> assertThat(context).doesNotHaveBean(ProblemResponses.class)
                        .hasSingleBean(ResponseEntityExceptionHandler.class));
    }

    @Test
    void takesThePlaceOfSpringBootsProblemDetailsHandler() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class,
                        ProblemResponsesAutoConfiguration.class))
                .withPropertyValues("spring.mvc.problemdetails.enabled=true")
                .run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(ResponseEntityExceptionHandler.class).hasSingleBean(ProblemResponses.class));
    }

    @RestController
    static class Things {

        @GetMapping("/things/{name}")
        String thing(@PathVariable String name) {
            throw new NotFoundException("Thing not found", "thing " + name + " does not exist");
        }

        @GetMapping("/things/by-id/{id}")
        String byId(@PathVariable UUID id) {
            return id.toString();
        }

        @PostMapping("/things")
        String create(@RequestBody String body) {
            throw new InvalidRequestException(List.of(new FieldViolation("name", "must not be blank"),
                    new FieldViolation("quantity", "must be greater than 0")));
        }
    }
}
