package io.relaybox.testkit;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests one {@link TestStack} (PostgreSQL, Kafka, a Kafka Connect worker) shared by every test class of
 * the run: started on first use, kept in the root store, and stopped by JUnit when the run ends (the stored value is
 * {@link AutoCloseable}). Use it with {@code @ExtendWith(SharedInfrastructure.class)} and a {@code TestStack} parameter,
 * e.g. of a {@code @BeforeAll} method. A stack that failed to start is not started again by the next class: each one
 * fails at once with the first failure as cause.
 */
public final class SharedInfrastructure implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedInfrastructure.class);
    // one folder per test JVM: two builds of this module running at once must not delete each other's data
    private static final Path FOLDER = Path.of("target/shared-infrastructure", Long.toString(ProcessHandle.current().pid()));

    /** The stack, or why it could not start. */
    private record Start(TestStack stack, RuntimeException failure) implements AutoCloseable {

        static Start attempt() {
            try {
                return new Start(TestStack.start(FOLDER), null);
            } catch (RuntimeException e) {
                return new Start(null, e);
            }
        }

        TestStack get() {
            if (failure != null) {
                throw new IllegalStateException("the shared PostgreSQL, Kafka and Connect did not start: " + failure.getMessage(), failure);
            }
            return stack;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Start.class, type -> Start.attempt(), Start.class).get();
    }
}
