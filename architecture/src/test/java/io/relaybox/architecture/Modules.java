package io.relaybox.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import io.relaybox.topology.ServiceDescriptor;
import io.relaybox.topology.Topology;

/**
 * The build's modules as the rules see them: every folder under the repository with a {@code pom.xml} and
 * {@code src/main/java}, read from its compiled {@code target/classes} (found anew each run, so a new module is
 * covered without an edit here).
 */
final class Modules {

    /** Modules whose main code exists to support tests: they may import JUnit and the test kit. */
    static final Set<String> TEST_SUPPORT = Set.of("testkit/extensions", "testkit/containers", "testkit/crash-hooks",
            "sink-consumers/consumer-test-support");

    /** The services of the topology: each runs on its own and owns its database. */
    static final Set<String> SERVICES = Topology.load().services().stream().map(ServiceDescriptor::module)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    private final Path home;
    private final List<String> all;

    private Modules(Path home, List<String> all) {
        this.home = home;
        this.all = all;
    }

    static Modules of(Path home) {
        try (Stream<Path> folders = Files.walk(home, 3)) {
            List<String> modules = folders.filter(Files::isDirectory)
                    .filter(f -> !f.toString().contains("/target") && !f.toString().contains("/.") && !f.toString().contains("node_modules"))
                    .filter(f -> Files.isRegularFile(f.resolve("pom.xml")) && Files.isDirectory(f.resolve("src/main/java")))
                    .map(f -> home.relativize(f).toString()).sorted().toList();
            return new Modules(home, modules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> all() {
        return all;
    }

    List<String> production() {
        return all.stream().filter(m -> !TEST_SUPPORT.contains(m)).toList();
    }

    /** The main classes of these modules, read from their {@code target/classes}. */
    JavaClasses mainClasses(Collection<String> modules) {
        List<Path> folders = new ArrayList<>();
        for (String module : modules) {
            Path classes = home.resolve(module).resolve("target/classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException(classes + " is missing: build the module first (mvn verify builds this one last)");
            }
            folders.add(classes);
        }
        return new ClassFileImporter().importPaths(folders);
    }

    JavaClasses mainClasses(String module) {
        return mainClasses(List.of(module));
    }

    /** The artifact ids a module's pom depends on outside test scope. */
    List<String> nonTestDependencies(String module) {
        try {
            String pom = Files.readString(home.resolve(module).resolve("pom.xml"));
            String dependencies = pom.replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "")
                    .replaceAll("(?s)<build>.*?</build>", "").replaceAll("(?s)<profiles>.*?</profiles>", "");
            List<String> artifacts = new ArrayList<>();
            Matcher dependency = DEPENDENCY.matcher(dependencies);
            while (dependency.find()) {
                String body = dependency.group(1);
                Matcher artifact = ARTIFACT.matcher(body);
                if (!body.contains("<scope>test</scope>") && artifact.find()) {
                    artifacts.add(artifact.group(1));
                }
            }
            return artifacts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The artifact id of a module. */
    String artifactId(String module) {
        try {
            String pom = Files.readString(home.resolve(module).resolve("pom.xml"));
            String withoutParent = pom.replaceFirst("(?s)<parent>.*?</parent>", "");
            Matcher artifact = ARTIFACT.matcher(withoutParent);
            if (!artifact.find()) {
                throw new IllegalStateException("no artifactId in " + module + "/pom.xml");
            }
            return artifact.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
