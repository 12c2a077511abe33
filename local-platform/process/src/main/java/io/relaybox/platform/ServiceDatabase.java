package io.relaybox.platform;

/**
 * A service's own database on the platform's PostgreSQL: owned by the service's role, readable by the CDC role
 * so that Debezium can stream its outbox.
 *
 * @param database database name, e.g. {@code orders}
 * @param ownerRole the service's login role, owner of the database and of the tables its migrations create
 */
public record ServiceDatabase(String database, String ownerRole) {

    /** The role Debezium logs in with: REPLICATION, and SELECT on every service's tables. */
    public static final String CDC_ROLE = "relaybox_cdc";

    /** Creates the role and database when missing, and lets the CDC role read what the owner creates. */
    void ensureOn(PostgresServer postgres, Secrets secrets) {
        postgres.ensureRole(ownerRole, secrets.password(ownerRole), false);
        postgres.ensureDatabase(database, ownerRole);
        postgres.execute(database, "ALTER DEFAULT PRIVILEGES FOR ROLE " + ownerRole + " IN SCHEMA public GRANT SELECT ON TABLES TO "
                + CDC_ROLE + "; GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + CDC_ROLE);
    }
}
