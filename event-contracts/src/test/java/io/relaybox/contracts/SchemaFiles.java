package io.relaybox.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The schema versions of an event type as files on the class path ({@code schemas/<EventType>/v<N>.json}), found by
 * listing the folders rather than by asking {@link EventType#currentVersion()}: a schema file added without anything
 * else changed is a version the documentation must describe too.
 */
final class SchemaFiles {

    private static final Pattern VERSION = Pattern.compile("v([1-9][0-9]*)\\.json");

    private SchemaFiles() {
    }

    /** The versions with a file in any class path folder {@code schemas/<typeName>/}, in order; empty without one. */
    static SortedSet<Integer> versions(String typeName) {
        SortedSet<Integer> versions = new TreeSet<>();
        try {
            for (URL folder : Collections.list(SchemaFiles.class.getClassLoader().getResources("schemas/" + typeName))) {
                if (!"file".equals(folder.getProtocol())) {
                    throw new IllegalStateException("cannot list " + folder + ": the tests expect the schemas in a class path folder");
                }
                try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                    files.map(file -> VERSION.matcher(file.getFileName().toString())).filter(Matcher::matches)
                            .forEach(version -> versions.add(Integer.parseInt(version.group(1))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return versions;
    }
}
