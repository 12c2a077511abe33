package io.relaybox.connectctl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL of a Connect worker's REST API as a user gives it ({@code --url}, {@code $CONNECT_URL}, a profile's
 * {@code connect.url}): absolute http or https with a host, no query or fragment, and no credentials in it (they
 * would reach the process list and the messages; the tool takes them from {@code --user} and its other sources).
 */
public final class WorkerUrl {

    private WorkerUrl() {
    }

    /**
     * @param where what gave the URL, for the message (e.g. {@code --url})
     * @throws IllegalArgumentException with one line naming {@code where} when the URL cannot be a worker's
     */
    public static URI parse(String text, String where) {
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw invalid(where, text, "not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(where, text, "must start with http:// or https://");
        }
        if (url.getRawUserInfo() != null) {
            // never echo the URL: it holds a password
            throw new IllegalArgumentException(where + " must not hold credentials (user:password@); give --user and "
                    + "--credentials-file or $CONNECT_USER and $CONNECT_PASSWORD");
        }
        if (url.getHost() == null) {
            throw invalid(where, text, "names no host");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw invalid(where, text, "must not have a query or fragment");
        }
        return url;
    }

    private static IllegalArgumentException invalid(String where, String text, String why) {
        return new IllegalArgumentException(where + " '" + text + "' " + why + ", e.g. http://127.0.0.1:8083");
    }
}
