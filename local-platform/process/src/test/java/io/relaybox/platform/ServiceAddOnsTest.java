package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceAddOnsTest {

    private static final Path JAR = Path.of("target/service.jar").toAbsolutePath();

    @Test
    void runsTheServiceJarAsItIsWithoutAddOns() {
        List<String> command = service(ServiceAddOns.NONE).process().spec().command();

        assertThat(command).containsSequence("-jar", JAR.toString()).noneMatch(a -> a.startsWith("-Dloader.path"));
    }

    @Test
    void loadsTheAddOnJarsThroughSpringBootsPropertiesLauncherAndNamesTheInstance() {
        Path hook = Path.of("target/hooks.jar");
        ServiceAddOns addOns = new ServiceAddOns(List.of(hook), Map.of("test.pause-file", "/run/hooks/" + ServiceAddOns.INSTANCE + ".pause"));

        List<String> command = service(addOns).process().spec().command();

        assertThat(command).contains("-Dloader.path=" + hook.toAbsolutePath()).containsSequence("-cp", JAR.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher").contains("--test.pause-file=/run/hooks/inventory-service-2.pause")
                .doesNotContain("-jar");
    }

    private static SpringBootService service(ServiceAddOns addOns) {
        return new SpringBootService("inventory-service-2", JAR, 18082, "/actuator/health", List.of("--a=b"), Map.of(), Path.of("target"),
                Path.of("target/service.log"), addOns);
    }
}
