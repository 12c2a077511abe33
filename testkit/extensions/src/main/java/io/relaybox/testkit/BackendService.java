package io.relaybox.testkit;

import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.relaybox.testkit.containers.ContainerStack;
import io.relaybox.testkit.containers.TestkitBackend;
import io.relaybox.testkit.containers.TestkitBackend.Choice;

/**
 * One service of a test run (PostgreSQL, Kafka) on the backend {@link TestkitBackend} chose, started at most once per
 * run and closed by JUnit at its end. Tests take it as one of two types:
 * <ul>
 * <li>the endpoint type ({@code PostgresEndpoint}, {@code KafkaEndpoint}): served by the chosen backend, a local
 * process or a container;</li>
 * <li>the process type ({@code PostgresServer}, {@code KafkaBroker}): a local process, which no container stands in for.
 * When {@code auto} chose containers, a local process serves it anyway (logged); when {@code RELAYBOX_TESTKIT=containers}
 * asked for them, the test is skipped.</li>
 * </ul>
 * When containers were asked for and no Docker engine answers, every test that needs the service is skipped, with that
 * reason: nothing runs on local processes instead. A test class is skipped before it starts (a disabled condition);
 * what asks later ({@link #process()} and {@link #endpoint()} from a test's body) is skipped by a JUnit assumption.
 */
final class BackendService<P, E> {

    private static final System.Logger LOG = System.getLogger(BackendService.class.getName());

    private final String name;
    private final Class<P> processType;
    private final Class<E> endpointType;
    private final Supplier<? extends Local<P>> startProcess;
    private final Function<P, E> endpointOfProcess;
    private final ContainerStack.Service containerService;
    private final Function<ContainerStack, E> endpointOfStack;
    private final ExtensionContext.Namespace namespace;
    private final AtomicBoolean fallbackLogged = new AtomicBoolean();
    private volatile Session session;

    /** What the static accessors need of the run: the backend chosen and the store JUnit closes at its end. */
    private record Session(Choice choice, ExtensionContext.Store store) {
    }

    /** A started local process, which JUnit closes (stops) at the end of the run. */
    interface Local<P> extends AutoCloseable {
        P process();
    }

    BackendService(String name, Class<P> processType, Class<E> endpointType, Supplier<? extends Local<P>> startProcess,
            Function<P, E> endpointOfProcess, ContainerStack.Service containerService, Function<ContainerStack, E> endpointOfStack) {
        this.name = name;
        this.processType = processType;
        this.endpointType = endpointType;
        this.startProcess = startProcess;
        this.endpointOfProcess = endpointOfProcess;
        this.containerService = containerService;
        this.endpointOfStack = endpointOfStack;
        this.namespace = ExtensionContext.Namespace.create(BackendService.class, name);
    }

    /**
     * Whether the backend can serve the test class: not when containers were asked for and no Docker engine answers,
     * nor when they were asked for and the class takes the process type. JUnit then skips each of its tests with the
     * reason (a disabled condition: Surefire reports a class whose {@code beforeAll} aborts on an assumption as zero
     * tests run, with no reason).
     */
    ConditionEvaluationResult condition(Choice choice, Class<?> testClass) {
        if (!choice.runnable()) {
            return ConditionEvaluationResult.disabled(choice.skipMessage());
        }
        if (choice.backend() == TestkitBackend.CONTAINERS && choice.explicit() && declaresParameter(testClass, processType)) {
            return ConditionEvaluationResult.disabled(processSkipMessage(testClass.getSimpleName() + " takes"));
        }
        return ConditionEvaluationResult.enabled(name + " runs on " + choice.backend());
    }

    /** Remembers the run for {@link #process()} and {@link #endpoint()}. */
    void beforeAll(Choice choice, ExtensionContext context) {
        requireRunnable(choice);
        session = new Session(choice, store(context));
    }

    boolean supports(Class<?> type) {
        return type == processType || type == endpointType;
    }

    Object resolve(Class<?> type, Choice choice, ExtensionContext context) {
        return type == processType ? process(choice, store(context)) : endpoint(choice, store(context));
    }

    /** The local process of the run of the last test class that began, started on first use. */
    P process() {
        Session current = current();
        return process(current.choice(), current.store());
    }

    /** The service on the backend of the run of the last test class that began, started on first use. */
    E endpoint() {
        Session current = current();
        return endpoint(current.choice(), current.store());
    }

    private P process(Choice choice, ExtensionContext.Store store) {
        requireRunnable(choice);
        if (choice.backend() == TestkitBackend.CONTAINERS) {
            if (choice.explicit()) {
                Assumptions.abort(processSkipMessage("this test takes"));
            }
            if (fallbackLogged.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.INFO, "relaybox test kit: tests that take " + processType.getSimpleName()
                        + " get a local " + name + " process (only " + endpointType.getSimpleName() + " has a container)");
            }
        }
        @SuppressWarnings("unchecked")
        Local<P> local = store.computeIfAbsent("process", key -> startProcess.get(), Local.class);
        return local.process();
    }

    private E endpoint(Choice choice, ExtensionContext.Store store) {
        requireRunnable(choice);
        if (choice.backend() == TestkitBackend.LOCAL) {
            return endpointOfProcess.apply(process(choice, store));
        }
        return endpointOfStack.apply(store.computeIfAbsent("containers",
                key -> ContainerStack.start(EnumSet.of(containerService)), ContainerStack.class));
    }

    private Session current() {
        Session current = session;
        if (current == null) {
            throw new IllegalStateException(name + " is not running: extend the test class with the test kit's extension for it"
                    + " (PostgresExtension, KafkaExtension)");
        }
        return current;
    }

    private ExtensionContext.Store store(ExtensionContext context) {
        return context.getRoot().getStore(namespace);
    }

    private static void requireRunnable(Choice choice) {
        if (!choice.runnable()) {
            Assumptions.abort(choice.skipMessage());
        }
    }

    private String processSkipMessage(String subject) {
        return TestkitBackend.VARIABLE + "=containers: " + subject + " " + processType.getSimpleName() + ", a local " + name
                + " process that no container stands in for: skipped (take " + endpointType.getSimpleName() + " to run against the container)";
    }

    /** Whether a constructor or method of the class (or of a superclass) takes a parameter of the type. */
    static boolean declaresParameter(Class<?> testClass, Class<?> type) {
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Executable> executables = new ArrayList<>(List.of(c.getDeclaredConstructors()));
            executables.addAll(List.of(c.getDeclaredMethods()));
            for (Executable executable : executables) {
                for (Class<?> parameter : executable.getParameterTypes()) {
                    if (parameter == type) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
