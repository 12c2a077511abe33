package io.relaybox.service.problem;

/** The addressed resource does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String title;

    /**
     * @param title the problem's title, e.g. {@code Reservation not found}
     * @param detail which resource, e.g. {@code order 0192… has no reservation}
     */
    public NotFoundException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    /** @return the problem's title */
    public String title() {
        return title;
    }
}
