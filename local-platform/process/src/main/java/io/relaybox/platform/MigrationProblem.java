package io.relaybox.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The order monolith refused a migration request: its {@code application/problem+json} answer (RFC 9457), or the
 * status and the start of the body when the answer was no problem document (a proxy's error page, an older monolith's
 * 404).
 */
public final class MigrationProblem extends PlatformException {

    private static final long serialVersionUID = 1L;

    /** The status of a switch the monolith refused, e.g. because the shadow diff is not empty or not drained. */
    public static final int REFUSED = 409;

    /** The request, e.g. {@code PUT /migration/modes/inventory}. */
    private final String request;
    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    /**
     * One invalid field of a 400 answer, as the problem-responses module lists them in {@code errors}.
     *
     * @param field the field's path in the request, e.g. {@code shadowShare}
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }

    /**
     * @param request the method and path, for the message
     * @param status the HTTP status
     * @param title the problem's title, or null
     * @param detail the problem's detail (or the start of a body that was no problem document), or null
     * @param errors the invalid fields, empty unless a 400 names them
     */
    public MigrationProblem(String request, int status, String title, String detail, List<FieldError> errors) {
        super(message(request, status, title, detail, errors));
        this.request = request;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public String request() {
        return request;
    }

    public int status() {
        return status;
    }

    /** The problem's title, e.g. {@code Conflict}; null when the answer was no problem document. */
    public String title() {
        return title;
    }

    /** Why, in the monolith's words; null when it gave none. */
    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Whether the monolith refused a switch (409): a check of the cut-over failed, nothing changed. */
    public boolean refused() {
        return status == REFUSED;
    }

    /**
     * {@code PUT /migration/modes/inventory answered 409 Conflict: the shadow diff holds 2 mismatches}, each invalid
     * field on a line of its own after it.
     */
    private static String message(String request, int status, String title, String detail, List<FieldError> errors) {
        List<String> parts = new ArrayList<>();
        parts.add(request + " answered " + status + (title == null || title.isBlank() ? "" : " " + title)
                + (detail == null || detail.isBlank() ? "" : ": " + detail));
        if (errors != null) {
            errors.forEach(error -> parts.add("  " + error.field() + ": " + error.message()));
        }
        return String.join(System.lineSeparator(), parts);
    }
}
