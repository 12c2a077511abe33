package io.relaybox.connect.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The connector's version, from the properties file Maven filters at build time. */
final class Version {

    private static final String VERSION = read();

    private Version() {
    }

    static String get() {
        return VERSION;
    }

    private static String read() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/io/relaybox/connect/elasticsearch/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // reported as unknown below
        }
        return properties.getProperty("version", "unknown");
    }
}
