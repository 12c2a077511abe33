package io.relaybox.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.relaybox.platform.PlatformLayout;
import io.relaybox.platform.ServiceAddOns;

/**
 * The crash-test hook (module {@code testkit/crash-hooks}) for services a test starts as processes: loaded into every
 * instance through {@link ServiceAddOns}, it pauses an instance's inbox consumer between its database commit and its
 * offset commit while {@link #pauseFile(Path, String)} exists, so that the test can kill it in that window.
 */
public final class CrashHooks {

    /** The property the hook reads (see {@code CrashHooksAutoConfiguration}). */
    public static final String PAUSE_FILE_PROPERTY = "relaybox.testkit.pause-before-offset-commit";

    private CrashHooks() {
    }

    /** The add-ons for a platform whose hooks' files live under the run folder. */
    public static ServiceAddOns addOns(Path runFolder) {
        Path jar = PlatformLayout.detect().home().resolve("testkit/crash-hooks/target/testkit-crash-hooks.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build testkit/crash-hooks first (mvn package)");
        }
        return new ServiceAddOns(List.of(jar), Map.of(PAUSE_FILE_PROPERTY, pauseFile(runFolder, ServiceAddOns.INSTANCE).toString()));
    }

    /** The file that pauses the instance's consumer while it exists; the hook then creates {@code <file>.paused}. */
    public static Path pauseFile(Path runFolder, String instanceName) {
        return runFolder.toAbsolutePath().resolve("hooks").resolve(instanceName + ".pause");
    }
}
