package io.relaybox.connectctl;

/**
 * What applying one connector did, or would do in a dry run.
 *
 * @param name the connector
 * @param action created, updated or unchanged
 * @param diff the settings that changed (every setting for a created connector), secrets not yet masked: render it
 *        with {@link #secrets()}
 * @param secrets which of its settings are secret, for printing the diff
 */
public record ApplyResult(String name, Action action, ConfigDiff diff, SecretSettings secrets) {

    /** Created (it was not deployed), updated (its deployed config differed), unchanged (identical: no request sent). */
    public enum Action {
        CREATED, UPDATED, UNCHANGED;

        /** {@code created}, {@code updated} or {@code unchanged}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
