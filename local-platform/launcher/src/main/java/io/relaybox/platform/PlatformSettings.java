package io.relaybox.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a local platform.
 *
 * @param layout where the built runtime folders are
 * @param runFolder where logs, data and state go
 * @param ports the loopback ports to use
 * @param startTimeout how long each process may take to become ready
 */
public record PlatformSettings(PlatformLayout layout, Path runFolder, PortPlan ports, Duration startTimeout) {

    public PlatformSettings {
        Objects.requireNonNull(layout, "layout");
        runFolder = runFolder.toAbsolutePath().normalize();
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(startTimeout, "startTimeout");
    }

    /** Settings for a test: free ports, the given run folder. */
    public static PlatformSettings forTests(Path runFolder) {
        return new PlatformSettings(PlatformLayout.detect(), runFolder, PortPlan.free(), Duration.ofSeconds(180));
    }
}
