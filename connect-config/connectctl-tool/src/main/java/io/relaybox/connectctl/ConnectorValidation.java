package io.relaybox.connectctl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What {@code PUT /connector-plugins/{class}/config/validate} says about one connector's settings.
 *
 * @param connector the connector's name
 * @param errors every field error, in the worker's order
 * @param types each known setting's ConfigDef type ({@code STRING}, {@code PASSWORD}, ...) by key
 */
public record ConnectorValidation(String connector, List<FieldError> errors, Map<String, String> types) {

    public ConnectorValidation {
        errors = List.copyOf(errors);
        types = Map.copyOf(types);
    }

    /**
     * One error of one setting.
     *
     * @param key the setting
     * @param message what the plugin or the worker says is wrong
     */
    public record FieldError(String key, String message) {
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    static ConnectorValidation from(String connector, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode config : body.path("configs")) {
            JsonNode definition = config.path("definition");
            JsonNode value = config.path("value");
            String key = value.path("name").asString(definition.path("name").asString(""));
            if (definition.has("type")) {
                types.put(key, definition.path("type").asString());
            }
            for (JsonNode error : value.path("errors")) {
                errors.add(new FieldError(key, error.asString()));
            }
        }
        if (errors.isEmpty() && body.path("error_count").asInt(0) > 0) {
            errors.add(new FieldError("(connector)", "the worker counts " + body.path("error_count").asInt() + " error(s) without naming a field"));
        }
        return new ConnectorValidation(connector, errors, types);
    }
}
