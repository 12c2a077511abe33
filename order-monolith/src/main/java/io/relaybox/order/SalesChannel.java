package io.relaybox.order;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an order was placed. Part of the order events since v2 ({@code salesChannel}); an order placed before v2, or
 * without a channel, came through the web shop.
 */
public enum SalesChannel {

    WEB, STORE, PHONE, PARTNER;

    /** The channel of the given name, exactly as the API and the events spell it ({@code WEB}, ...). */
    public static Optional<SalesChannel> named(String name) {
        return Arrays.stream(values()).filter(channel -> channel.name().equals(name)).findFirst();
    }
}
