package io.relaybox.platform;

/** The signal that asks a process to shut down cleanly. */
public enum StopSignal {
    /** SIGTERM: the JVMs' graceful shutdown. */
    TERM,
    /** SIGINT: PostgreSQL's "fast" shutdown (SIGTERM would wait for every client to disconnect). */
    INT
}
