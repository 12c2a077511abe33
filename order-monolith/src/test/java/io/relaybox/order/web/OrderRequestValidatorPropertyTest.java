package io.relaybox.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.relaybox.order.PlaceOrder;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;

/**
 * The validator's contract as a property over generated requests (seeded, so a failure names a draw that can be
 * replayed): start from a valid order, break none to three of its fields with values a client might send, and the
 * validator accepts exactly the unbroken orders, unchanged, and refuses the others naming exactly the broken fields.
 */
class OrderRequestValidatorPropertyTest {

    private static final long SEED = 20261206;
    private static final int DRAWS = 5_000;
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "CHF", "JPY", "KWD");
    private static final List<String> BAD_TEXT = List.of("", " ", "x".repeat(101), "a\u0000b", "\ud800", "bell\u0007");
    private static final List<String> BAD_CURRENCIES = List.of("", "EURO", "eur", "XAU", "ABC");
    private static final List<Integer> BAD_QUANTITIES = List.of(0, -5, 10_001, Integer.MIN_VALUE);
    private static final List<String> BAD_PRICES = List.of("-0.01", "1000000000", "1e12");

    private final OrderRequestValidator validator = new OrderRequestValidator();

    @Test
    void acceptsExactlyTheUnbrokenOrdersAndNamesExactlyTheBrokenFields() {
        Random random = new Random(SEED);
        int refused = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            Draft draft = Draft.valid(random);
            Set<String> broken = draft.breakSome(random);
            String example = "draw " + draw + " (seed " + SEED + "): " + draft.request() + " with broken " + broken;

            InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class, () -> {
                PlaceOrder command = validator.placeOrder(draft.request());
                assertThat(command.customerId()).as(example).isEqualTo(draft.customerId);
                assertThat(command.currency().getCurrencyCode()).as(example).isEqualTo(draft.currency);
                assertThat(command.lines()).as(example).hasSize(draft.lines.size());
            });

            if (broken.isEmpty()) {
                assertThat(refusal).as(example).isNull();
            } else {
                refused++;
                assertThat(refusal).as(example).isNotNull();
                assertThat(refusal.violations()).as(example).extracting(FieldViolation::field).containsExactlyInAnyOrderElementsOf(broken);
            }
        }
        assertThat(refused).as("refused draws").isBetween(DRAWS / 2, DRAWS - DRAWS / 10);
    }

    /** An order request being generated: valid until {@link #breakSome} breaks some of its fields. */
    private static final class Draft {

        String customerId;
        String currency;
        final List<PlaceOrderRequest.Line> lines = new ArrayList<>();

        static Draft valid(Random random) {
            Draft draft = new Draft();
            draft.customerId = "customer-" + random.nextInt(1_000);
            draft.currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            int digits = Currency.getInstance(draft.currency).getDefaultFractionDigits();
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                draft.lines.add(new PlaceOrderRequest.Line("SKU-" + random.nextInt(50), 1 + random.nextInt(10_000),
                        BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(digits + 1))));
            }
            return draft;
        }

        /** Breaks up to three fields; returns their names as the validator names them. */
        Set<String> breakSome(Random random) {
            Set<String> broken = new TreeSet<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                int line = random.nextInt(lines.size());
                PlaceOrderRequest.Line old = lines.get(line);
                String path = "lines[" + line + "]";
                switch (random.nextInt(5)) {
                    case 0 -> {
                        customerId = pick(random, BAD_TEXT);
                        broken.add("customerId");
                    }
                    case 1 -> {
                        currency = pick(random, BAD_CURRENCIES);
                        broken.add("currency");
                    }
                    case 2 -> {
                        lines.set(line, new PlaceOrderRequest.Line(pick(random, BAD_TEXT), old.quantity(), old.unitPrice()));
                        broken.add(path + ".sku");
                    }
                    case 3 -> {
                        lines.set(line, new PlaceOrderRequest.Line(old.sku(), pick(random, BAD_QUANTITIES), old.unitPrice()));
                        broken.add(path + ".quantity");
                    }
                    default -> {
                        lines.set(line, new PlaceOrderRequest.Line(old.sku(), old.quantity(), new BigDecimal(pick(random, BAD_PRICES))));
                        broken.add(path + ".unitPrice");
                    }
                }
            }
            return broken;
        }

        PlaceOrderRequest request() {
            return new PlaceOrderRequest(customerId, null, currency, List.copyOf(lines));
        }

        private static <T> T pick(Random random, List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
