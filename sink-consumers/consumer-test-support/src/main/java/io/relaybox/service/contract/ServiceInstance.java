package io.relaybox.service.contract;

import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of a service, run in this JVM from its application class with the arguments the platform passes
 * (database, Kafka, instance id) and a random HTTP port; closing it shuts it down as SIGTERM would.
 */
public final class ServiceInstance implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;
    private final HttpJson http;

    private ServiceInstance(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.http = new HttpJson(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    /**
     * Starts the application and returns once it serves HTTP (its consumer runs by then).
     *
     * @param name the instance id
     * @param application the {@code @SpringBootApplication} class
     * @param arguments command-line arguments, e.g. {@code --server.port=0}
     */
    public static ServiceInstance start(String name, Class<?> application, List<String> arguments) {
        return new ServiceInstance(name,
                new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new)));
    }

    /**
     * The arguments the platform passes every instance: its database, a random loopback HTTP port, Kafka and the
     * instance id.
     *
     * @param database the service's database and role
     * @param kafka the broker
     * @param instanceId the instance's id
     */
    public static List<String> platformArguments(ServiceDatabase database, TestKafka kafka, String instanceId) {
        return List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.role(),
                "--spring.datasource.password=" + database.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--outbox.inbox.instance-id=" + instanceId);
    }

    public String name() {
        return name;
    }

    public HttpJson http() {
        return http;
    }

    /** The counters of {@code GET /inbox/stats}. */
    public InboxCounts counts() {
        HttpJson.Response response = http.get("/inbox/stats");
        if (response.status() != 200) {
            throw new IllegalStateException(name + ": GET /inbox/stats answered " + response.status());
        }
        return InboxCounts.of(response.json());
    }

    /** Whether the application still runs. */
    public boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }
}
