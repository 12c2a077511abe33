package io.relaybox.platform.cli;

import java.util.Iterator;

import picocli.CommandLine.ITypeConverter;

/**
 * A capability's migration mode, as {@code ./platform migrate} takes it: the monolith's legacy module decides
 * ({@code monolith}); the monolith calls the service's HTTP API inside the request ({@code sync}); both decide and the
 * monolith compares, the legacy answer counting (the parallel run, {@code shadow}); the service decides from the order's
 * events ({@code events}). Checked before any request, so that a typo is a usage error.
 */
enum MigrationMode {

    MONOLITH, SYNC, SHADOW, EVENTS;

    /** As the migration API names it, e.g. {@code shadow}. */
    String apiName() {
        return LowerCaseEnum.name(this);
    }

    /** Reads {@code shadow}, {@code SHADOW}, ... */
    static final class Converter implements ITypeConverter<MigrationMode> {

        @Override
        public MigrationMode convert(String value) {
            return LowerCaseEnum.parse(MigrationMode.class, value);
        }
    }

    /** The names the help lists. */
    static final class Names implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return LowerCaseEnum.names(MigrationMode.class).iterator();
        }
    }
}
