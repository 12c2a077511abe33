package io.relaybox.platform.cli;

import java.util.Iterator;

import picocli.CommandLine.ITypeConverter;

/**
 * A capability the order monolith can hand over to a service, as {@code ./platform migrate} takes it: checked before
 * any request, so that a typo is a usage error rather than the monolith's 404.
 */
enum MigrationCapability {

    INVENTORY, PAYMENT;

    /** As the migration API names it, e.g. {@code inventory}. */
    String apiName() {
        return LowerCaseEnum.name(this);
    }

    /** Reads {@code inventory}, {@code Inventory}, ... */
    static final class Converter implements ITypeConverter<MigrationCapability> {

        @Override
        public MigrationCapability convert(String value) {
            return LowerCaseEnum.parse(MigrationCapability.class, value);
        }
    }

    /** The names the help lists. */
    static final class Names implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return LowerCaseEnum.names(MigrationCapability.class).iterator();
        }
    }
}
