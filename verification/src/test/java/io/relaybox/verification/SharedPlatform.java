package io.relaybox.verification;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PlatformSettings;
import io.relaybox.platform.RunFolder;
import io.relaybox.testkit.CrashHooks;

/**
 * Hands tests one platform, started on free ports on first use and shared by every test of this module's run;
 * JUnit closes it (stopping every process) when the run ends. It runs as a verification run's platform does
 * ({@link PlatformSettings#withVerification}): its services keep their outbox rows ({@code outbox.cleanup=retain}),
 * the source of truth the tests compare Kafka and the sinks with ({@link ServiceDatabases#committedEvents}).
 */
public final class SharedPlatform implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, key -> Running.start(), Running.class).platform();
    }

    /** The platform; closing it stops every process and deletes what it kept outside target/ (the logs stay). */
    private record Running(LocalPlatform platform) implements AutoCloseable {

        static Running start() {
            Path runFolder = Path.of("target/platform");
            // the crash-test hook comes from the test kit: no service jar contains it; the verification settings keep the
            // outbox rows and put the fault proxies (passing everything unless told otherwise) before Elasticsearch and S3
            return new Running(startIn(PlatformSettings.forTests(runFolder).withServiceAddOns(CrashHooks.addOns(runFolder))
                    .withVerification(true)));
        }

        @Override
        public void close() {
            stop(platform);
        }
    }

    /** Starts a platform with these settings in their emptied run folder. */
    static LocalPlatform startIn(PlatformSettings settings) {
        RunFolder.purge(settings.runFolder(), Optional.empty());
        return LocalPlatform.start(settings, line -> System.out.println("[platform] " + line));
    }

    /** Stops every process of the platform and deletes what it kept outside target/ (the logs stay). */
    static void stop(LocalPlatform platform) {
        platform.close();
        RunFolder.deleteStandIns(platform.settings().runFolder(), Optional.of(platform.postgres().dataDirectory()));
    }
}
