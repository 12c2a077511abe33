package io.relaybox.verification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names that PromQL expressions read: those of a Prometheus rules file, those of a Grafana dashboard. */
final class QueriedMetrics {

    /** PromQL's functions and keywords that look like metric names. */
    private static final Set<String> PROMQL = Set.of("sum", "by", "and", "or", "unless", "offset", "changes", "count", "min",
            "max", "avg", "rate", "increase", "deriv", "on", "ignoring", "without", "count_over_time", "min_over_time",
            "max_over_time", "avg_over_time", "sum_over_time", "last_over_time", "absent", "absent_over_time", "time", "bool",
            "group_left", "group_right", "histogram_quantile", "label_replace", "m", "s", "h", "irate");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private QueriedMetrics() {
    }

    /** Every metric name of every {@code expr} of the file (its block scalars included). */
    static Set<String> inRules(Path rulesFile) throws IOException {
        Set<String> metrics = new TreeSet<>();
        List<String> lines = Files.readAllLines(rulesFile);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf("expr:");
            if (at < 0) {
                continue;
            }
            StringBuilder expression = new StringBuilder(line.substring(at + "expr:".length()));
            int indent = at;
            while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || indentOf(lines.get(i + 1)) > indent)) {
                expression.append('\n').append(lines.get(++i));
            }
            metrics.addAll(names(expression.toString()));
        }
        return metrics;
    }

    /** Every metric name of every panel query ({@code targets[].expr}) of a Grafana dashboard. */
    static Set<String> inDashboard(Path dashboardFile) throws IOException {
        Set<String> metrics = new TreeSet<>();
        new tools.jackson.databind.ObjectMapper().readTree(dashboardFile.toFile()).path("panels")
                .forEach(panel -> panel.path("targets").forEach(target -> metrics.addAll(names(target.path("expr").asString()))));
        return metrics;
    }

    /** The metric names of one expression: its identifiers outside label matchers, strings and durations. */
    static Set<String> names(String expression) {
        String bare = expression.replace("|", " ").replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\"[^\"]*\"", " ");
        bare = bare.replaceAll("\\bby\\s*\\([^)]*\\)", " ").replaceAll("\\b(on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            String word = matcher.group();
            if (!PROMQL.contains(word) && !Character.isDigit(word.charAt(0))) {
                names.add(word);
            }
        }
        return names;
    }

    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }
}
