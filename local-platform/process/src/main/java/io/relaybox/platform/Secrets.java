package io.relaybox.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The platform's generated passwords, kept in {@code secrets.properties} of the run folder, readable only by its
 * owner. They are made on first start and reused after, since the database keeps them.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties values = new Properties();

    private Secrets(Path file) {
        this.file = file;
    }

    /** Loads the secrets of the run folder, creating the file on first use. */
    public static Secrets in(Path runFolder) {
        Secrets secrets = new Secrets(runFolder.resolve("secrets.properties"));
        try {
            Files.createDirectories(runFolder);
            if (Files.exists(secrets.file)) {
                try (Reader reader = Files.newBufferedReader(secrets.file)) {
                    secrets.values.load(reader);
                }
            } else {
                Files.createFile(secrets.file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (IOException e) {
            throw new PlatformException("cannot read " + secrets.file + ": " + e.getMessage(), e);
        }
        return secrets;
    }

    /** The password stored under the key, generated and stored on first use. */
    public synchronized String password(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            values.setProperty(key, value);
            save();
        }
        return value;
    }

    /** Every password made so far, by key (for checks that no secret leaked; never print them). */
    public synchronized Map<String, String> all() {
        Map<String, String> all = new TreeMap<>();
        values.stringPropertyNames().forEach(key -> all.put(key, values.getProperty(key)));
        return all;
    }

    public Path file() {
        return file;
    }

    private void save() {
        try (Writer writer = Files.newBufferedWriter(file)) {
            values.store(writer, "relaybox local platform secrets: generated, readable only by their owner");
        } catch (IOException e) {
            throw new PlatformException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
