package io.relaybox.platform;

/** Tells whether a started process serves requests yet. */
@FunctionalInterface
public interface ReadinessCheck {

    /**
     * @return true once the process is ready; false or an exception while it is not (yet)
     */
    boolean isReady() throws Exception;

    /** A check that passes as soon as the process runs. */
    static ReadinessCheck none() {
        return () -> true;
    }
}
