package io.relaybox.problem;

import java.io.Serializable;

/**
 * One invalid field of a request, as listed in the {@code errors} member of a problem response (serializable, as the
 * body of an {@code ErrorResponseException} must be).
 *
 * @param field the field's path in the request, e.g. {@code lines[0].quantity}
 * @param message what is wrong with it, e.g. {@code must be greater than 0}
 */
public record FieldViolation(String field, String message) implements Serializable {
}
