package dev.rulec.target.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprVisitor;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.ir.regex.RegexException;
import dev.rulec.target.RenderContext;
import dev.rulec.target.lucene.FlattenedKeys;
import dev.rulec.target.regex.CaseFold;
import dev.rulec.target.regex.LuceneRegex;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * IR → Elasticsearch Query DSL, as Kibana translates KQL ({@code @kbn/es-query}'s kuery functions), given field types.
 *
 * <ul>
 *   <li>{@code and} → {@code bool.filter}, {@code or} → {@code bool.should} with {@code minimum_should_match: 1},
 *       {@code not} → {@code bool.must_not}; {@code path:{…}} → {@code nested} with {@code score_mode: none};
 *       {@code f:*} → {@code exists}; {@code *:*} → {@code match_all}.</li>
 *   <li>A value without wildcards: {@code term} on keyword-family fields (what Kibana's {@code match} does there),
 *       {@code range gte/lte} on dates, {@code match_phrase} on text and on fields of unknown type (Kibana's quoted
 *       value), {@code match} on numbers, ips and booleans.</li>
 *   <li>A value with wildcards: {@code wildcard} on keyword-family fields, {@code query_string} elsewhere
 *       (Kibana's choice, escaped the way Kibana escapes it).</li>
 *   <li>A field-less value: {@code multi_match} ({@code phrase}, {@code lenient}), or {@code query_string} with
 *       wildcards.</li>
 *   <li>Case-insensitive matches (Sigma) add {@code case_insensitive: true} to {@code term}/{@code wildcard}; on
 *       fields of unknown type they assume a keyword field.</li>
 *   <li>A regular expression → {@code regexp} in Lucene's dialect ({@link LuceneRegex}, which anchors it and spells
 *       the {@code i} flag as character classes), on keyword fields or fields of unknown type; text fields and
 *       untranslatable expressions are errors with the reason.</li>
 * </ul>
 * Keys are written in a fixed order, so equal trees give byte-identical JSON.
 */
public final class DslRenderer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> KEYWORD_TYPES = Set.of("keyword", "constant_keyword", "wildcard");
    private static final Set<String> TEXT_TYPES = Set.of("text", "match_only_text");
    private static final Set<String> DATE_TYPES = Set.of("date", "date_nanos");
    /** Characters Kibana escapes in a {@code query_string} built from a KQL wildcard value (whitespace too). */
    private static final String QUERY_STRING_SPECIAL = "+-=&|><!(){}[]^\"~*?:\\/";

    private final boolean exactFolding;

    /** Kibana's translation: case-insensitive values use the queries' {@code case_insensitive} flag. */
    public DslRenderer() {
        this(false);
    }

    private DslRenderer(boolean exactFolding) {
        this.exactFolding = exactFolding;
    }

    /**
     * A renderer that keeps the in-process matcher's case folding exactly (Sigma's semantics): Elasticsearch's
     * {@code case_insensitive} flag pairs an ASCII letter with its other case and leaves every other character as it
     * is, so a case-insensitive value on a keyword field with a character that folds otherwise (a non-ASCII letter;
     * {@code k} and {@code s}, which also equal the Kelvin sign and the long s) becomes a {@code regexp} with
     * {@code [kKK]}-style classes instead.
     */
    public static DslRenderer exactCaseFolding() {
        return new DslRenderer(true);
    }

    public Optional<ObjectNode> render(Expr expr, RenderContext ctx, Diagnostics diags) {
        Visitor v = new Visitor(ctx, diags, exactFolding);
        ObjectNode q = expr.accept(v);
        return v.failed ? Optional.empty() : Optional.of(q);
    }

    private static final class Visitor implements ExprVisitor<ObjectNode> {
        private final RenderContext ctx;
        private final Diagnostics diags;
        private final boolean exactFolding;
        boolean failed;

        Visitor(RenderContext ctx, Diagnostics diags, boolean exactFolding) {
            this.ctx = ctx;
            this.diags = diags;
            this.exactFolding = exactFolding;
        }

        @Override
        public ObjectNode visitAnd(Expr.And e) {
            ArrayNode filter = JSON.arrayNode();
            e.terms().forEach(t -> filter.add(t.accept(this)));
            return bool(b -> b.set("filter", filter));
        }

        @Override
        public ObjectNode visitOr(Expr.Or e) {
            ArrayNode should = JSON.arrayNode();
            e.terms().forEach(t -> should.add(t.accept(this)));
            return bool(b -> {
                b.set("should", should);
                b.put("minimum_should_match", 1);
            });
        }

        @Override
        public ObjectNode visitNot(Expr.Not e) {
            ArrayNode mustNot = JSON.arrayNode().add(e.term().accept(this));
            return bool(b -> b.set("must_not", mustNot));
        }

        @Override
        public ObjectNode visitConst(Expr.Const e) {
            return object(e.value() ? "match_all" : "match_none", JSON.objectNode());
        }

        @Override
        public ObjectNode visitMatch(Expr.Match e) {
            if (FlattenedKeys.isKey(ctx.fieldTypes(), e.field()) && e.value() instanceof Literal.Str s) {
                return flattenedMatch(e.field(), s.pattern(), e.caseMode());
            }
            String type = ctx.fieldTypes().typeOf(e.field()).orElse("");
            boolean insensitive = e.caseMode() == CaseMode.INSENSITIVE;
            if (exactFolding && insensitive && e.value() instanceof Literal.Str s && !flagFoldsLikeMatcher(s.pattern())
                    && (KEYWORD_TYPES.contains(type) || type.isEmpty())) {
                return object("regexp", object(e.field(),
                        JSON.objectNode().put("value", LuceneRegex.caseInsensitive(s.pattern()))));
            }
            if (e.value() instanceof Literal.Str s && s.pattern().hasWildcards()) {
                if (KEYWORD_TYPES.contains(type) || (type.isEmpty() && insensitive)) {
                    ObjectNode w = JSON.objectNode().put("value", wildcardQuery(s.pattern()));
                    if (insensitive) {
                        w.put("case_insensitive", true);
                    }
                    return object("wildcard", object(e.field(), w));
                }
                ObjectNode qs = JSON.objectNode();
                qs.set("fields", JSON.arrayNode().add(e.field()));
                qs.put("query", queryString(s.pattern()));
                return object("query_string", qs);
            }
            JsonNode value = scalar(e.value(), KEYWORD_TYPES.contains(type) || DATE_TYPES.contains(type));
            if (KEYWORD_TYPES.contains(type) || (type.isEmpty() && insensitive)) {
                ObjectNode t = JSON.objectNode().set("value", value);
                if (insensitive) {
                    t.put("case_insensitive", true);
                }
                return object("term", object(e.field(), t));
            }
            if (DATE_TYPES.contains(type)) {
                ObjectNode r = JSON.objectNode();
                r.set("gte", value);
                r.set("lte", value);
                return object("range", object(e.field(), r));
            }
            boolean phrase = e.value() instanceof Literal.Str && (TEXT_TYPES.contains(type) || type.isEmpty());
            return object(phrase ? "match_phrase" : "match", object(e.field(), value));
        }

        /**
         * A key of a flattened field: keyed term and prefix queries see only that key, but wildcard and regexp
         * queries do not keep to it and there is no case-insensitive option, so each spelling the matcher's folding
         * accepts is a term (or prefix) of its own ({@link FlattenedKeys}).
         */
        private ObjectNode flattenedMatch(String field, Pattern p, CaseMode mode) {
            try {
                ArrayNode should = JSON.arrayNode();
                for (FlattenedKeys.Term t : FlattenedKeys.terms(p, mode)) {
                    should.add(object(t.prefix() ? "prefix" : "term",
                            object(field, JSON.objectNode().put("value", t.text()))));
                }
                return should.size() == 1 ? (ObjectNode) should.get(0) : bool(b -> {
                    b.set("should", should);
                    b.put("minimum_should_match", 1);
                });
            } catch (FlattenedKeys.Refused r) {
                return fail(field, "it is a key of a flattened field, and " + r.getMessage(), r.hint());
            }
        }

        @Override
        public ObjectNode visitExists(Expr.Exists e) {
            return object("exists", JSON.objectNode().put("field", e.field()));
        }

        @Override
        public ObjectNode visitRange(Expr.Range e) {
            if (FlattenedKeys.isKey(ctx.fieldTypes(), e.field())) {
                return fail(e.field(), "it is a key of a flattened field, whose values Elasticsearch compares as text",
                        "compare the value exactly");
            }
            ObjectNode r = JSON.objectNode();
            e.lower().ifPresent(b -> r.set(b.inclusive() ? "gte" : "gt", bound(e.field(), b)));
            e.upper().ifPresent(b -> r.set(b.inclusive() ? "lte" : "lt", bound(e.field(), b)));
            return object("range", object(e.field(), r));
        }

        private JsonNode bound(String field, Expr.Bound b) {
            if (b.value() instanceof Literal.Str s && s.pattern().hasWildcards()) {
                fail(field, "a range bound cannot contain a wildcard");
            }
            return scalar(b.value(), false);
        }

        @Override
        public ObjectNode visitCidr(Expr.Cidr e) {
            String type = ctx.fieldTypes().typeOf(e.field()).orElse("ip");
            if (!type.equals("ip")) {
                // A term query with a CIDR block is a range only on ip fields; elsewhere it compares the text.
                return fail(e.field(), "a CIDR match needs an ip field, and the field is mapped as " + type);
            }
            return object("term", object(e.field(), JSON.objectNode().put("value", e.cidr())));
        }

        @Override
        public ObjectNode visitRegex(Expr.Regex e) {
            String type = ctx.fieldTypes().typeOf(e.field()).orElse("");
            if (TEXT_TYPES.contains(type)) {
                // A regexp query on analyzed text matches single terms, not the value Sigma's regex is run on.
                return fail(e.field(), "the field is mapped as " + type + ", where a regexp query matches single "
                        + "terms rather than the whole value [" + e.regex() + "]");
            }
            if (!type.isEmpty() && !KEYWORD_TYPES.contains(type)) {
                return fail(e.field(), "a regexp query needs a keyword field, and the field is mapped as " + type);
            }
            try {
                // Case-insensitivity is spelled by the translation as [aA] classes with the matcher's folding:
                // the regexp query's own case_insensitive flag folds ASCII letters only.
                String re = LuceneRegex.translate(e.regex(), e.flags());
                return object("regexp", object(e.field(), JSON.objectNode().put("value", re)));
            } catch (RegexException ex) {
                return fail(e.field(), "the regular expression [" + e.regex() + "] cannot be translated: "
                        + ex.getMessage());
            }
        }

        @Override
        public ObjectNode visitFieldRef(Expr.FieldRef e) {
            return fail(e.field(), "the Query DSL cannot compare two fields without a script (" + e.field() + " with "
                    + e.otherField() + ")");
        }

        @Override
        public ObjectNode visitKeyword(Expr.Keyword e) {
            if (e.value().hasWildcards()) {
                return object("query_string", JSON.objectNode().put("query", queryString(e.value())));
            }
            ObjectNode mm = JSON.objectNode()
                    .put("type", "phrase")
                    .put("query", e.value().literalText().orElse(""))
                    .put("lenient", true);
            return object("multi_match", mm);
        }

        @Override
        public ObjectNode visitNested(Expr.Nested e) {
            ObjectNode n = JSON.objectNode().put("path", e.path());
            n.set("query", e.term().accept(this));
            n.put("score_mode", "none");
            return object("nested", n);
        }

        private ObjectNode fail(String field, String message) {
            return fail(field, message, "compile the rule to ES|QL");
        }

        private ObjectNode fail(String field, String message, String hint) {
            failed = true;
            diags.error("dsl.unsupported", ctx.pos(), "rule [" + ctx.ruleName() + "], field [" + field + "]: " + message,
                    hint);
            return JSON.objectNode();
        }
    }

    // ---- values ----

    /** A literal as JSON; keyword and date fields get text (a number's canonical text), others typed values. */
    private static JsonNode scalar(Literal v, boolean asText) {
        if (v instanceof Literal.Str s) {
            return JSON.textNode(s.pattern().literalText().orElse(""));
        }
        if (v instanceof Literal.Num n) {
            if (asText) {
                return JSON.textNode(n.text());
            }
            BigDecimal d = new BigDecimal(n.text());
            return d.scale() <= 0 && d.toBigInteger().bitLength() < 63 ? JSON.numberNode(d.longValueExact()) : JSON.numberNode(d);
        }
        boolean b = ((Literal.Bool) v).value();
        return asText ? JSON.textNode(Boolean.toString(b)) : JSON.booleanNode(b);
    }

    /**
     * Whether Elasticsearch's {@code case_insensitive} flag (each ASCII character with its other case, every other
     * character only itself) matches what the matcher's folding ({@link CaseFold}) matches for every character.
     */
    static boolean flagFoldsLikeMatcher(Pattern p) {
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Text t && !t.text().codePoints().allMatch(DslRenderer::flagFoldsLikeMatcher)) {
                return false;
            }
        }
        return true;
    }

    private static boolean flagFoldsLikeMatcher(int cp) {
        Set<Integer> flag = new java.util.TreeSet<>(Set.of(cp));
        if (cp <= 128) {
            flag.add(Character.isLowerCase(cp) ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
        }
        Set<Integer> matcher = new java.util.TreeSet<>();
        for (int v : CaseFold.variants(cp)) {
            matcher.add(v);
        }
        return flag.equals(matcher);
    }

    /** Elasticsearch {@code wildcard} query syntax: {@code *}, with {@code \ * ?} escaped in the text. */
    static String wildcardQuery(Pattern p) {
        StringBuilder sb = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Text t) {
                for (char c : t.text().toCharArray()) {
                    if (c == '\\' || c == '*' || c == '?') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            } else {
                sb.append(part instanceof Pattern.AnyString ? '*' : '?');
            }
        }
        return sb.toString();
    }

    /** Lucene query-string syntax for a wildcard value, escaped as Kibana's {@code toQueryStringQuery} does. */
    static String queryString(Pattern p) {
        StringBuilder sb = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Text t) {
                for (char c : t.text().toCharArray()) {
                    if (QUERY_STRING_SPECIAL.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            } else {
                sb.append(part instanceof Pattern.AnyString ? '*' : '?');
            }
        }
        return sb.toString();
    }

    private static ObjectNode bool(java.util.function.Consumer<ObjectNode> body) {
        ObjectNode b = JSON.objectNode();
        body.accept(b);
        return object("bool", b);
    }

    private static ObjectNode object(String key, JsonNode value) {
        ObjectNode o = JSON.objectNode();
        o.set(key, value);
        return o;
    }
}
