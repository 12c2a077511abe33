package io.relaybox.testkit;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.relaybox.testkit.containers.TestkitBackend.Choice;

/**
 * A JUnit extension that gives tests one {@link BackendService}: skips a test class the backend cannot serve, resolves
 * parameters.
 */
abstract class BackendExtension<P, E> implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private final BackendService<P, E> service;
    private final Supplier<Choice> choice;

    BackendExtension(BackendService<P, E> service, Supplier<Choice> choice) {
        this.service = service;
        this.choice = choice;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        return service.condition(choice.get(), context.getRequiredTestClass());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        service.beforeAll(choice.get(), context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return service.supports(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return service.resolve(parameter.getParameter().getType(), choice.get(), context);
    }
}
