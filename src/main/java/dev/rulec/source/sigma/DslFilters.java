package dev.rulec.source.sigma;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rulec.model.Scope;
import dev.rulec.model.Value;
import dev.rulec.source.JsonValues;
import dev.rulec.target.RenderedQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rendered query's Query DSL filters in the shape Kibana stores a custom filter (what its filter editor saves for
 * "Edit as Query DSL", and what its filter manager maps a DSL filter to): {@code meta} with {@code type: custom},
 * {@code key: query}, {@code value} = the DSL as compact JSON text, {@code alias} (the label shown instead of the DSL),
 * {@code disabled} and {@code negate} false; the DSL itself under {@code query}, which the detection engine ANDs onto
 * the rule's query.
 */
final class DslFilters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DslFilters() {
    }

    /** The scope of a rule searching {@code indices} with the rendered query's filters. */
    static Scope scope(List<String> indices, RenderedQuery rendered) {
        return new Scope(indices, Optional.empty(), new Value.Arr(rendered.filters().stream()
                .map(DslFilters::filter).toList()));
    }

    static Value filter(RenderedQuery.Filter f) {
        Map<String, Value> meta = new LinkedHashMap<>();
        meta.put("alias", new Value.Str("Sigma condition on " + String.join(", ", f.fields())));
        meta.put("disabled", new Value.Bool(false));
        meta.put("key", new Value.Str("query"));
        meta.put("negate", new Value.Bool(false));
        meta.put("type", new Value.Str("custom"));
        meta.put("value", new Value.Str(compact(f)));
        Map<String, Value> filter = new LinkedHashMap<>();
        filter.put("meta", new Value.Obj(meta));
        filter.put("query", JsonValues.toValue(f.query()));
        return new Value.Obj(filter);
    }

    private static String compact(RenderedQuery.Filter f) {
        try {
            return JSON.writeValueAsString(f.query());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Query DSL tree failed to serialize", e);
        }
    }
}
