package io.relaybox.verification.audit;

import java.math.BigDecimal;
import java.util.Random;

/**
 * Random but valid orders for the demo and the tests: a few customers, a catalogue of SKUs, 1–3 lines, and half of them
 * with a sales channel.
 */
public final class OrderGenerator {

    private static final String[] SKUS = {"SKU-APPLE", "SKU-BREAD", "SKU-CHEESE", "SKU-DATES", "SKU-EGGS", "SKU-FLOUR",
            "SKU-GRAPES", "SKU-HONEY"};
    /** The currencies it orders in (the services also know others, e.g. JPY and KWD, which it leaves alone). */
    static final String[] CURRENCIES = {"EUR", "USD", "CHF"};

    /** Where orders come from: half name no channel (the web shop, the API's default), the rest one of these. */
    private static final String[] CHANNELS = {"WEB", "STORE", "PHONE", "PARTNER"};

    private final Random random;
    /** Its own sequence, so that the orders of a seed are the same as before the sales channel existed. */
    private final Random channels;

    public OrderGenerator(long seed) {
        this.random = new Random(seed);
        this.channels = new Random(~seed);
    }

    /** The JSON body of one {@code POST /orders}. */
    public synchronized String nextOrderJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\"customerId\":\"customer-").append(String.format("%03d", random.nextInt(200))).append('"');
        if (channels.nextBoolean()) {
            json.append(",\"salesChannel\":\"").append(CHANNELS[channels.nextInt(CHANNELS.length)]).append('"');
        }
        json.append(",\"currency\":\"").append(CURRENCIES[random.nextInt(CURRENCIES.length)]).append('"');
        json.append(",\"lines\":[");
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                json.append(',');
            }
            BigDecimal price = BigDecimal.valueOf(50 + random.nextInt(5000), 2);
            json.append("{\"sku\":\"").append(SKUS[(random.nextInt(SKUS.length) + i) % SKUS.length]).append('"')
                    .append(",\"quantity\":").append(1 + random.nextInt(5))
                    .append(",\"unitPrice\":").append(price.toPlainString()).append('}');
        }
        return json.append("]}").toString();
    }
}
