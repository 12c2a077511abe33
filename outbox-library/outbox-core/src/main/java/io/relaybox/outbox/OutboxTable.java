package io.relaybox.outbox;

import java.util.regex.Pattern;

/** The SQL for one outbox table; the name is validated so that it can be put into statements safely. */
record OutboxTable(String name) {

    static final String DEFAULT_NAME = "outbox_event";
    private static final Pattern IDENTIFIER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]{0,62}\\.)?[a-zA-Z_][a-zA-Z0-9_]{0,62}");

    OutboxTable {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new OutboxConfigurationException(
                    "outbox.table must be a plain or schema-qualified SQL identifier, was: " + name);
        }
    }

    String insertSql() {
        return "INSERT INTO " + name + " (id, aggregatetype, aggregateid, type, payload, schemaversion, occurredat,"
                + " traceparent, headers) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb)";
    }

    String deleteSql() {
        return "DELETE FROM " + name + " WHERE id = ?";
    }

    /** Deletes at most a batch of rows older than a cutoff; concurrent purgers skip each other's rows. */
    String purgeBatchSql() {
        return "DELETE FROM " + name + " WHERE id IN (SELECT id FROM " + name
                + " WHERE occurredat < ? ORDER BY occurredat LIMIT ? FOR UPDATE SKIP LOCKED)";
    }
}
