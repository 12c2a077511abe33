package io.relaybox.platform.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.TypeConversionException;

/**
 * Enum constants as an HTTP API spells them, in lower case, read from the command line in any case: picocli's own
 * case-insensitive enums are a setting of the whole command line, not of one command.
 */
final class LowerCaseEnum {

    private LowerCaseEnum() {
    }

    /** {@code INVENTORY} as {@code inventory}. */
    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Every constant's name, in declaration order, for the help and the error message. */
    static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(LowerCaseEnum::name).toList();
    }

    /** The constant of that name, in any case; a usage error naming the choices when there is none. */
    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + text + "' is not one of " + String.join(", ", names(type)));
    }
}
