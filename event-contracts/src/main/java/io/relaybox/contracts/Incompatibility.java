package io.relaybox.contracts;

/**
 * One reason why a reader's schema does not accept every event a writer's schema allows.
 *
 * @param location where in the schema, as a JSON pointer into the payload's shape ({@code /lines/items/quantity})
 * @param rule     the rule broken
 * @param detail   what changed, e.g. {@code "minimum 1 -> 2"}
 */
public record Incompatibility(String location, Rule rule, String detail) {

    /** The rules a schema change can break. */
    public enum Rule {
        TYPE_CHANGED("a type changed or was narrowed"),
        REQUIRED_FIELD_ADDED("a required field was added without a default"),
        FIELD_REMOVED("a field the writer sends is not allowed by the reader (closed content model)"),
        FIELD_ADDED_TO_OPEN_MODEL("a field was added where the writer allowed any field"),
        ADDITIONAL_PROPERTIES_NARROWED("additional fields the writer allowed are not allowed by the reader"),
        ENUM_VALUE_REMOVED("a value the writer may send is not allowed by the reader"),
        RANGE_NARROWED("a bound (minimum, maximum, length, items) was narrowed"),
        PATTERN_CHANGED("a pattern was added or changed"),
        FORMAT_CHANGED("a format was added or changed"),
        UNIQUE_ITEMS_ADDED("array items must now be unique"),
        UNCOMPARED_KEYWORD_CHANGED("a keyword this check does not compare differs between the versions");

        private final String description;

        Rule(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    @Override
    public String toString() {
        return (location.isEmpty() ? "/" : location) + ": " + rule.description() + " (" + detail + ")";
    }
}
