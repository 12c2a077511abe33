package io.relaybox.connect.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** A plugin's version, from the {@code version.properties} that Maven filters into the plugin's package. */
public final class PluginVersion {

    private static final ClassValue<String> VERSIONS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> anchor) {
            return read(anchor);
        }
    };

    private PluginVersion() {
    }

    /** The {@code version} in {@code version.properties} next to {@code anchor}, or {@code unknown}. */
    public static String of(Class<?> anchor) {
        return VERSIONS.get(anchor);
    }

    private static String read(Class<?> anchor) {
        Properties properties = new Properties();
        try (InputStream in = anchor.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // reported as unknown below
        }
        return properties.getProperty("version", "unknown");
    }
}
