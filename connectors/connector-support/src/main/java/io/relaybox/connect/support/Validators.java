package io.relaybox.connect.support;

import java.net.URI;
import java.util.Locale;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Building blocks of the sinks' declarative {@link ConfigDef} checks. */
public final class Validators {

    private Validators() {
    }

    /** A validator whose {@code toString()}, shown in the configuration reference, says what is valid. */
    public static ConfigDef.Validator described(String description, ConfigDef.Validator check) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                check.ensureValid(name, value);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /**
     * Parses an http:// or https:// URL with a host.
     *
     * @throws ConfigException naming the key when the text is no such URL
     */
    public static URI httpUrl(String name, String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, text, "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ConfigException(name, text, "the URL must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new ConfigException(name, text, "the URL names no host");
        }
        return uri;
    }
}
