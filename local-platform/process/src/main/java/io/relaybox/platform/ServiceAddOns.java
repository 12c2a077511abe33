package io.relaybox.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a platform adds to every service instance it starts beyond the service's own jar: jars loaded into the
 * application's class loader (through Spring Boot's {@code loader.path}, so their auto-configurations take part) and
 * properties passed as {@code --name=value}, where {@value #INSTANCE} in a value stands for the instance's name. Tests
 * use it to load hooks that no service jar contains; the platform a user runs adds nothing.
 *
 * @param jars jars added to each service's class path
 * @param properties properties given to each service
 */
public record ServiceAddOns(List<Path> jars, Map<String, String> properties) {

    /** Replaced by the instance's name in property values, e.g. {@code inventory-service-2}. */
    public static final String INSTANCE = "{instance}";

    /** Nothing added. */
    public static final ServiceAddOns NONE = new ServiceAddOns(List.of(), Map.of());

    public ServiceAddOns {
        jars = jars.stream().map(jar -> jar.toAbsolutePath().normalize()).toList();
        properties = Map.copyOf(properties);
    }

    /** The arguments for one instance. */
    List<String> arguments(String instanceName) {
        return properties.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(p -> "--" + p.getKey() + "=" + p.getValue().replace(INSTANCE, instanceName)).toList();
    }

    /** The {@code loader.path} value, or null when no jar is added. */
    String loaderPath() {
        return jars.isEmpty() ? null : String.join(",", jars.stream().map(Objects::toString).toList());
    }
}
