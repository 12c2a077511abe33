package io.relaybox.connectctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka config-provider references in setting values: {@code ${provider:key}} or {@code ${provider:path:key}}, as
 * Kafka's {@code ConfigTransformer} reads them. {@code ${routedByValue}} (no colon) is not a reference.
 */
public final class ConfigReference {

    /** Kafka's {@code ConfigTransformer.DEFAULT_PATTERN}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*?):(([^}]*?):)?([^}]*?)\\}");
    static final String ENV_PROVIDER = "env";

    private ConfigReference() {
    }

    /** True when the value holds at least one reference. */
    public static boolean containsReference(String value) {
        return value != null && REFERENCE.matcher(value).find();
    }

    /** True when the whole value is one reference, e.g. {@code ${env:RELAYBOX_CDC_PASSWORD}}: it holds no secret itself. */
    public static boolean isPureReference(String value) {
        return value != null && REFERENCE.matcher(value).matches();
    }

    /**
     * Replaces every {@code ${env:NAME}} in the value by the variable's value; other providers' references stay.
     *
     * @param missing receives the names of variables that are not set (their references stay)
     */
    public static String resolveEnv(String value, Map<String, String> environment, List<String> missing) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group();
            if (ENV_PROVIDER.equals(matcher.group(1)) && matcher.group(2) == null) {
                String variable = matcher.group(4);
                String found = environment.get(variable);
                if (found == null) {
                    missing.add(variable);
                } else {
                    replacement = found;
                }
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /** The names of the variables of the value's {@code ${env:NAME}} references. */
    public static List<String> envVariables(String value) {
        List<String> variables = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(value);
        while (matcher.find()) {
            if (ENV_PROVIDER.equals(matcher.group(1)) && matcher.group(2) == null) {
                variables.add(matcher.group(4));
            }
        }
        return variables;
    }
}
