package io.relaybox.platform;

import java.nio.file.Path;

/**
 * A service of the platform: its executable jar, its own database, and how many instances run (in one consumer
 * group).
 *
 * @param name e.g. {@code inventory-service}
 * @param jar the jar, relative to the project folder
 * @param database its database and owner role
 * @param instances how many instances the platform runs
 */
public record ServiceKind(String name, String jar, ServiceDatabase database, int instances) {

    public static final ServiceKind ORDER_MONOLITH = new ServiceKind("order-monolith", "order-monolith/target/order-monolith.jar",
            ServiceDatabase.ORDERS, 1);
    public static final ServiceKind INVENTORY = new ServiceKind("inventory-service",
            "sink-consumers/inventory-service/target/inventory-service.jar", ServiceDatabase.INVENTORY, 2);
    public static final ServiceKind PAYMENT = new ServiceKind("payment-service",
            "sink-consumers/payment-service/target/payment-service.jar", ServiceDatabase.PAYMENT, 2);

    /** The name of one instance: the service's name for a single instance, else with {@code -1}, {@code -2}, ... */
    public String instanceName(int instance) {
        return instances == 1 ? name : name + "-" + instance;
    }

    Path jarIn(Path home) {
        return home.resolve(jar);
    }
}
