package io.relaybox.connectctl.cli;

/**
 * A user and password for the worker's REST API (HTTP basic authentication), and where they came from.
 *
 * @param user the user
 * @param password the password, never printed
 * @param origin where they were found, for messages: an option, a variable or a file
 */
record Credentials(String user, String password, String origin) {

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=****, origin=" + origin + "]";
    }
}
