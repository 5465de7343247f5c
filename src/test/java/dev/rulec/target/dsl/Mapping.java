package dev.rulec.target.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.ir.Expr;
import dev.rulec.testsupport.SchemaTables;
import dev.rulec.ir.ExprWalker;
import dev.rulec.ir.gen.Assembler;
import dev.rulec.schema.IndexMappingBuilder;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The test index's mapping, grown from the fields the corpus queries use, typed from ../shared/schemas (types the
 * node lacks replaced by their nearest core type, {@link IndexMappingBuilder}; {@code *.caseless} keeps its lowercase
 * normalizer). Fields no table
 * knows map as keyword, as Elastic's dynamic templates map strings; keys below a flattened field stay inside it.
 * Also turns generated events into documents and matcher views that mean the same thing.
 */
final class Mapping {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INTEGRAL = Set.of("long", "integer", "short", "byte", "unsigned_long");
    private static final Set<String> FLOATING = Set.of("float", "double", "half_float", "scaled_float");

    private final SchemaTables schema;
    /** Storage field → node type, for the fields seen so far. */
    private final Map<String, String> fields = new TreeMap<>();
    /** Parent → (sub name → type) for multi-fields seen so far. */
    private final Map<String, Map<String, String>> multi = new TreeMap<>();

    Mapping(SchemaTables schema) {
        this.schema = schema;
    }

    /** The type the test index gives the field (what the generator must produce for it). */
    String effectiveType(String field) {
        Optional<String> flat = flattenedAncestor(field);
        if (flat.isPresent()) {
            return "keyword";
        }
        return schema.typeOf(field).map(t -> IndexMappingBuilder.coreType(t).orElse(t))
                .orElse(inferred.getOrDefault(field, "keyword"));
    }

    /** Paths the queries use as {@code path:{ … }}: nested in the index. */
    private final Set<String> nestedPaths = new java.util.TreeSet<>();

    /** Fields no table knows that a query compares with a number: numeric in every real mapping. */
    private final Map<String, String> inferred = new TreeMap<>();

    java.util.Optional<String> effectiveTypeOpt(String field) {
        return Optional.of(effectiveType(field));
    }

    boolean isCaseless(String field) {
        return effectiveType(field).equals("text") || field.endsWith(".caseless");
    }

    private Optional<String> flattenedAncestor(String field) {
        for (int i = field.lastIndexOf('.'); i > 0; i = field.lastIndexOf('.', i - 1)) {
            String a = field.substring(0, i);
            if (schema.typeOf(a).filter("flattened"::equals).isPresent()) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** A field of the tree that the index analyzes as text, if any. */
    Optional<String> analyzedField(Expr e) {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        Map<String, String> saved = new TreeMap<>(fields);
        e.accept(new Collector("") {
            @Override
            void note(String f) {
                seen.add(f);
            }
        });
        fields.clear();
        fields.putAll(saved);
        return seen.stream().filter(f -> effectiveType(f).equals("text")).findFirst();
    }

    void addFields(Expr e) {
        e.accept(new Collector(""));
    }

    private void add(String field, boolean nestedInner) {
        Optional<String> flat = flattenedAncestor(field);
        if (flat.isPresent()) {
            fields.put(flat.get(), "flattened");
            return;
        }
        Optional<String> parent = schema.parentOf(field);
        if (parent.isPresent()) {
            fields.putIfAbsent(parent.get(), effectiveType(parent.get()));
            multi.computeIfAbsent(parent.get(), p -> new TreeMap<>())
                    .put(field.substring(parent.get().length() + 1), effectiveType(field));
            return;
        }
        fields.putIfAbsent(field, effectiveType(field));
    }

    /** The create-index body: the fields seen so far, nested paths from the schema and the queries. */
    ObjectNode indexBody() {
        IndexMappingBuilder b = new IndexMappingBuilder().noDynamicFields().caselessNormalizer()
                .field("rulec_case", "long").field(Assembler.KEYWORD_FIELD, "keyword");
        fields.forEach((f, t) -> {
            for (int i = f.indexOf('.'); i > 0; i = f.indexOf('.', i + 1)) {
                String path = f.substring(0, i);
                if (schema.typeOf(path).filter("nested"::equals).isPresent() || nestedPaths.contains(path)) {
                    b.nested(path);
                }
            }
            b.field(f, t);
            multi.getOrDefault(f, Map.of()).forEach((sub, st) -> b.multiField(f, sub, st));
        });
        return b.createBody();
    }

    /**
     * The document to index: values the field's type cannot hold are dropped (so the matcher sees the same event),
     * multi-field values are stored on their parent, keys under a flattened field go inside it.
     */
    ObjectNode toDocument(ObjectNode event) {
        ObjectNode doc = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String f = e.getKey();
            Optional<JsonNode> v = fit(f, e.getValue());
            if (v.isEmpty()) {
                continue;
            }
            Optional<String> flat = flattenedAncestor(f);
            Optional<String> parent = schema.parentOf(f);
            if (flat.isPresent()) {
                ObjectNode holder = doc.has(flat.get()) && doc.get(flat.get()).isObject()
                        ? (ObjectNode) doc.get(flat.get()) : doc.putObject(flat.get());
                holder.set(f.substring(flat.get().length() + 1), v.get());
            } else if (parent.isPresent()) {
                if (!event.has(parent.get())) {
                    doc.set(parent.get(), v.get());
                }
            } else {
                doc.set(f, v.get());
            }
        }
        return doc;
    }

    /** What the matcher evaluates: the document with multi-fields copied from their parents, flattened keys flat. */
    ObjectNode matcherView(ObjectNode doc) {
        ObjectNode view = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("rulec_case")) {
                continue;
            }
            if (fields.get(e.getKey()) != null && fields.get(e.getKey()).equals("flattened") && e.getValue().isObject()) {
                e.getValue().fields().forEachRemaining(x -> view.set(e.getKey() + "." + x.getKey(), x.getValue()));
                continue;
            }
            view.set(e.getKey(), e.getValue());
            multi.getOrDefault(e.getKey(), Map.of()).keySet().forEach(s -> view.set(e.getKey() + "." + s, e.getValue()));
        }
        return view;
    }

    /** The value as the field's type stores it, or empty when the node would reject or reinterpret it. */
    private Optional<JsonNode> fit(String field, JsonNode v) {
        if (v.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode x : v) {
                fit(field, x).ifPresent(out::add);
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        }
        if (v.isObject() || v.isNull()) {
            return Optional.of(v);
        }
        String t = effectiveType(field);
        String s = v.asText();
        if (INTEGRAL.contains(t) || FLOATING.contains(t)) {
            try {
                BigDecimal d = new BigDecimal(s);
                if (INTEGRAL.contains(t) && d.stripTrailingZeros().scale() > 0) {
                    return Optional.empty();
                }
                d = d.stripTrailingZeros();
                return Optional.of(d.scale() <= 0 ? JSON.getNodeFactory().numberNode(d.toBigIntegerExact())
                        : JSON.getNodeFactory().numberNode(new BigDecimal(d.toPlainString())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (t.equals("ip")) {
            boolean v4 = s.matches("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
            boolean v6 = s.matches("[0-9a-f:]+") && (s.contains("::") || s.split(":").length == 8) && !s.contains(":::");
            return v4 || v6 ? Optional.of(v) : Optional.empty();
        }
        if (t.equals("boolean")) {
            return s.equals("true") || s.equals("false") ? Optional.of(JSON.getNodeFactory().booleanNode(s.equals("true")))
                    : Optional.empty();
        }
        if (t.equals("date")) {
            return s.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ") ? Optional.of(v) : Optional.empty();
        }
        return Optional.of(v.isTextual() ? v : JSON.getNodeFactory().textNode(s));
    }

    private class Collector extends ExprWalker {
        private final String nestedPath;

        Collector(String nestedPath) {
            this.nestedPath = nestedPath;
        }

        void note(String f) {
            add(f, !nestedPath.isEmpty());
        }

        private Void field(String f) {
            note(f);
            return null;
        }

        @Override
        public Void visitMatch(Expr.Match e) {
            return field(e.field());
        }

        @Override
        public Void visitExists(Expr.Exists e) {
            return field(e.field());
        }

        @Override
        public Void visitRange(Expr.Range e) {
            Expr.Bound b = e.lower().or(e::upper).orElseThrow();
            if (schema.typeOf(e.field()).isEmpty() && b.value() instanceof dev.rulec.ir.Literal.Num n) {
                inferred.merge(e.field(), n.value().stripTrailingZeros().scale() > 0 ? "double" : "long",
                        (a, c) -> a.equals("double") || c.equals("double") ? "double" : "long");
            }
            return field(e.field());
        }

        @Override
        public Void visitCidr(Expr.Cidr e) {
            return field(e.field());
        }

        @Override
        public Void visitRegex(Expr.Regex e) {
            return field(e.field());
        }

        @Override
        public Void visitFieldRef(Expr.FieldRef e) {
            field(e.otherField());
            return field(e.field());
        }

        @Override
        public Void visitNested(Expr.Nested e) {
            nestedPaths.add(e.path());
            return e.term().accept(new Collector(e.path()));
        }
    }
}
