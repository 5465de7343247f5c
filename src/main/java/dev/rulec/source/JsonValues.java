package dev.rulec.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rulec.model.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jackson trees → the model's open-shape {@link Value}s (filters, meta…), keys in the order written. */
public final class JsonValues {
    private JsonValues() {
    }

    public static Value toValue(JsonNode o) {
        if (o.isTextual()) {
            return new Value.Str(o.asText());
        }
        if (o.isIntegralNumber()) {
            return new Value.Num(new BigDecimal(o.bigIntegerValue()));
        }
        if (o.isNumber()) {
            return new Value.Num(o.decimalValue());
        }
        if (o.isBoolean()) {
            return new Value.Bool(o.asBoolean());
        }
        if (o.isArray()) {
            List<Value> items = new ArrayList<>(o.size());
            o.forEach(i -> items.add(toValue(i)));
            return new Value.Arr(items);
        }
        if (o.isObject()) {
            Map<String, Value> m = new LinkedHashMap<>();
            o.fields().forEachRemaining(e -> m.put(e.getKey(), toValue(e.getValue())));
            return new Value.Obj(m);
        }
        // TOML dates and times arrive as their text, which is what Kibana takes.
        return new Value.Str(o.asText());
    }
}
