package io.relaybox.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Spring Boot service's fast start, built at package time (the parent pom's {@code cds-extract} and {@code cds-train}):
 * its executable jar extracted to {@code target/cds/<name>.jar} with its libraries beside it, and a class-data sharing
 * archive {@code application.jsa} of the classes a training run loaded. A JVM started from there maps those classes
 * instead of reading, parsing and verifying them again; one that cannot use the archive (another Java, a rebuilt jar)
 * says so in its log and starts the usual way.
 *
 * @param extractedJar the extracted application jar
 * @param archive the class-data sharing archive of its training run
 */
record FastStart(Path extractedJar, Path archive) {

    static final String FOLDER = "cds";
    static final String ARCHIVE = "application.jsa";

    /** Where the fast start of an executable jar {@code target/<name>.jar} is: {@code target/cds/}. */
    static FastStart beside(Path executableJar) {
        Path folder = executableJar.toAbsolutePath().resolveSibling(FOLDER);
        return new FastStart(folder.resolve(executableJar.getFileName()), folder.resolve(ARCHIVE));
    }

    /** Whether the build made both the extracted jar and its archive. */
    boolean available() {
        return Files.isRegularFile(extractedJar) && Files.isRegularFile(archive);
    }

    /** The command that starts the extracted jar with the archive. */
    List<String> command(JavaCommand java, List<String> arguments) {
        return java.option("-XX:SharedArchiveFile=" + archive).jar(extractedJar, arguments.toArray(String[]::new)).build();
    }
}
