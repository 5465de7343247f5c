package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ruletest.esql.IndexCheck;
import dev.rulec.target.RenderContext;
import dev.rulec.target.dsl.DslRenderer;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The Query DSL a rule's IR becomes on the test index (field types from the mapping and from the events' dynamic
 * fields), and the limits of that DSL on Elasticsearch that both engines must respect.
 */
public final class QueryDsl {
    private QueryDsl() {
    }

    /** The rendered query, or the renderer's reason for refusing it. */
    public record Rendered(Optional<ObjectNode> query, String problem) {
    }

    public static Rendered render(TestCase tc) {
        TestRule r = tc.rule();
        IndexCheck check = new IndexCheck(tc.layout().mapping());
        tc.events().forEach(check::add);
        Map<String, String> types = new HashMap<>(check.dynamicMapping());
        types.putAll(tc.layout().mapping());
        RenderContext ctx = new RenderContext(SourcePos.startOf(r.file()), r.name(), r.indices(),
                f -> Optional.ofNullable(types.get(f)));
        Diagnostics d = new Diagnostics();
        Optional<ObjectNode> q = new DslRenderer().render(r.ir().orElseThrow(), ctx, d);
        String why = d.all().stream().map(Diagnostic::message).findFirst().orElse("");
        return new Rendered(q, why);
    }

    /**
     * What Elasticsearch refuses in a valid-looking query: term-level wildcard, regexp and prefix queries on the keys
     * of a {@code flattened} field.
     */
    public static Optional<String> refusal(JsonNode q, Map<String, String> mapping) {
        if (q.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = q.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                if ((k.equals("wildcard") || k.equals("regexp") || k.equals("prefix")) && e.getValue().isObject()) {
                    Iterator<String> fields = e.getValue().fieldNames();
                    while (fields.hasNext()) {
                        String f = fields.next();
                        if (underFlattened(f, mapping)) {
                            return Optional.of("[" + k + "] queries are not currently supported on keyed [flattened]"
                                    + " fields (" + f + ")");
                        }
                    }
                }
                Optional<String> inner = refusal(e.getValue(), mapping);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (q.isArray()) {
            for (JsonNode x : q) {
                Optional<String> inner = refusal(x, mapping);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean underFlattened(String f, Map<String, String> mapping) {
        for (int i = f.indexOf('.'); i > 0; i = f.indexOf('.', i + 1)) {
            if ("flattened".equals(mapping.get(f.substring(0, i)))) {
                return true;
            }
        }
        return false;
    }
}
