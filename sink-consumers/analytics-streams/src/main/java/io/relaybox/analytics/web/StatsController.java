package io.relaybox.analytics.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.analytics.topology.Figures;
import io.relaybox.problem.FieldViolation;
import io.relaybox.problem.InvalidRequestException;

/**
 * {@code GET /stats/...}: the windows whose start lies in {@code [from, to]} (ISO-8601 instants; by default the last
 * hour for minutes, the last 24 hours for hours), read from the state stores. A span longer than the stores keep
 * ({@value #LONGEST_SPAN_DAYS} days) or a time that is not an instant is a 400 naming the parameter.
 */
@RestController
@RequestMapping("/stats")
class StatsController {

    static final int LONGEST_SPAN_DAYS = 7;

    private final StatsQueries queries;

    StatsController(StatsQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/orders-per-minute")
    List<Figures.OrdersPerMinute> ordersPerMinute(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Span span = Span.of(from, to, Duration.ofHours(1));
        return queries.ordersPerMinute(span.from(), span.to());
    }

    @GetMapping("/revenue")
    List<Figures.RevenuePerHour> revenue(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String currency) {
        Span span = Span.of(from, to, Duration.ofDays(1));
        return queries.revenuePerHour(span.from(), span.to()).stream().filter(r -> currency == null || r.currency().equals(currency)).toList();
    }

    @GetMapping("/top-skus")
    List<StatsQueries.SkuTotal> topSkus(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "10") String limit) {
        Span span = Span.of(from, to, Duration.ofDays(1));
        int top;
        try {
            top = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            top = -1;
        }
        if (top < 1 || top > 1000) {
            throw new InvalidRequestException(List.of(new FieldViolation("limit", "must be a whole number from 1 to 1000")));
        }
        return queries.topSkus(span.from(), span.to(), top);
    }

    @GetMapping("/outcomes")
    StatsQueries.Outcomes outcomes(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Span span = Span.of(from, to, Duration.ofDays(1));
        return queries.outcomes(span.from(), span.to());
    }

    /** The span of window starts asked for. */
    record Span(Instant from, Instant to) {

        static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

        static Span of(String from, String to, Duration defaultLength) {
            List<FieldViolation> violations = new ArrayList<>();
            Instant end = instant("to", to, Instant.now(), violations);
            Instant start = instant("from", from, end.minus(defaultLength).truncatedTo(ChronoUnit.MINUTES), violations);
            if (violations.isEmpty() && start.isAfter(end)) {
                violations.add(new FieldViolation("from", "must not be after 'to' (" + end + ")"));
            }
            if (violations.isEmpty() && Duration.between(start, end).compareTo(Duration.ofDays(LONGEST_SPAN_DAYS)) > 0) {
                violations.add(new FieldViolation("from", "must be at most " + LONGEST_SPAN_DAYS + " days before 'to': the stores keep no more"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidRequestException(violations);
            }
            return new Span(start, end);
        }

        private static Instant instant(String name, String text, Instant otherwise, List<FieldViolation> violations) {
            if (text == null || text.isBlank()) {
                return otherwise;
            }
            try {
                Instant instant = Instant.parse(text.trim());
                // beyond these the stores' epoch milliseconds overflow (a 500), and nothing was ever counted there
                if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST)) {
                    violations.add(new FieldViolation(name, "must be between 1970-01-01T00:00:00Z and " + LATEST));
                    return otherwise;
                }
                return instant;
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation(name, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z"));
                return otherwise;
            }
        }
    }
}
