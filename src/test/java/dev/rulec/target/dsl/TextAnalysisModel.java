package dev.rulec.target.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprRewriter;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.testsupport.es.EsNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a KQL match means on an analyzed text field, for the matcher: the value's tokens (from the node's own
 * {@code _analyze}) must appear in a row in the field's tokens ({@code match_phrase}), and a wildcard value
 * ({@code query_string}) must match one lower-cased token. Views gain {@code f#phrase} (" t1 t2 … ") and
 * {@code f#tokens}; the tree's matches on text fields are rewritten to them.
 */
final class TextAnalysisModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EsNode es;
    private final String index;
    private final Predicate<String> isText;
    private final Map<String, List<String>> cache = new HashMap<>();

    TextAnalysisModel(EsNode es, String index, Predicate<String> isText) {
        this.es = es;
        this.index = index;
        this.isText = isText;
    }

    List<String> tokens(String field, String text) {
        return cache.computeIfAbsent(field + "\u0000" + text, k -> {
            ObjectNode body = JSON.createObjectNode().put("field", field).put("text", text);
            JsonNode r = es.post("/" + index + "/_analyze", body);
            List<String> out = new ArrayList<>();
            r.path("tokens").forEach(t -> out.add(t.path("token").asText()));
            return out;
        });
    }

    ObjectNode view(ObjectNode view) {
        ObjectNode out = view.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = view.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!isText.test(e.getKey())) {
                continue;
            }
            List<JsonNode> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(values::add);
            } else {
                values.add(e.getValue());
            }
            ArrayNode phrases = out.putArray(e.getKey() + "#phrase");
            ArrayNode tokens = out.putArray(e.getKey() + "#tokens");
            for (JsonNode v : values) {
                List<String> t = tokens(e.getKey(), v.asText());
                phrases.add(" " + String.join(" ", t) + " ");
                t.forEach(tokens::add);
            }
        }
        return out;
    }

    Expr model(Expr e) {
        return e.accept(new Rewriter());
    }

    private final class Rewriter extends ExprRewriter {
        @Override
        public Expr visitMatch(Expr.Match e) {
            if (!isText.test(e.field())) {
                return e;
            }
            if (e.value() instanceof Literal.Str s && s.pattern().hasWildcards()) {
                List<Pattern.Part> parts = new ArrayList<>();
                for (Pattern.Part p : s.pattern().parts()) {
                    parts.add(p instanceof Pattern.Text t ? new Pattern.Text(t.text().toLowerCase(Locale.ROOT)) : p);
                }
                return new Expr.Match(e.field() + "#tokens", new Literal.Str(new Pattern(parts)), CaseMode.SENSITIVE);
            }
            String v = e.value() instanceof Literal.Str s ? s.pattern().literalText().orElse("")
                    : e.value() instanceof Literal.Num n ? n.text() : Boolean.toString(((Literal.Bool) e.value()).value());
            List<String> t = tokens(e.field(), v);
            if (t.isEmpty()) {
                return new Expr.Const(false);
            }
            return new Expr.Match(e.field() + "#phrase", new Literal.Str(Pattern.of(Pattern.ANY_STRING,
                    new Pattern.Text(" " + String.join(" ", t) + " "), Pattern.ANY_STRING)), CaseMode.SENSITIVE);
        }
    }

}
