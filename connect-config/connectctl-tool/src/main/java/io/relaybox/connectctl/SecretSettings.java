package io.relaybox.connectctl;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which settings hold secrets, and how they are printed. A setting is secret when the plugin's ConfigDef gives it the
 * type {@code PASSWORD}; a setting the ConfigDef does not know (or before the worker was asked) is secret when its key
 * looks like one ({@link #SECRET_KEY}). Secret values must be config-provider references, resolved by the worker;
 * they are printed as {@value #MASK} unless the value is one whole reference, which holds no secret itself.
 */
public final class SecretSettings {

    /** Keys that look secret: password, secret, token, credential, sasl.jaas.config, key.password, api.key. */
    public static final Pattern SECRET_KEY = Pattern.compile("password|secret|token|credential|sasl\\.jaas\\.config|key\\.password|api\\.key",
            Pattern.CASE_INSENSITIVE);
    public static final String MASK = "****";
    private static final String PASSWORD_TYPE = "PASSWORD";

    private final Map<String, String> types;

    private SecretSettings(Map<String, String> types) {
        this.types = Map.copyOf(types);
    }

    /** Judges by key names only. */
    public static SecretSettings byKeyName() {
        return new SecretSettings(Map.of());
    }

    /** Also judges by ConfigDef types (type name by key, as the worker reports them); a type overrides the key name. */
    public SecretSettings withTypes(Map<String, String> moreTypes) {
        Map<String, String> merged = new HashMap<>(types);
        merged.putAll(moreTypes);
        return new SecretSettings(merged);
    }

    public boolean isSecret(String key) {
        String type = types.get(key);
        return type != null ? PASSWORD_TYPE.equalsIgnoreCase(type) : SECRET_KEY.matcher(key).find();
    }

    /** True when a secret setting holds a literal secret instead of a config-provider reference (empty is no secret). */
    public boolean isLiteralSecret(String key, String value) {
        return isSecret(key) && value != null && !value.isEmpty() && !ConfigReference.containsReference(value);
    }

    /** The value as it may be printed. */
    public String mask(String key, String value) {
        if (value == null || value.isEmpty() || !isSecret(key) || ConfigReference.isPureReference(value)) {
            return value;
        }
        return MASK;
    }

    /** The settings as they may be printed. */
    public Map<String, String> mask(Map<String, String> config) {
        Map<String, String> masked = new LinkedHashMap<>();
        config.forEach((key, value) -> masked.put(key, mask(key, value)));
        return masked;
    }
}
