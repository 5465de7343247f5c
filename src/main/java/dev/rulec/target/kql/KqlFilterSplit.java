package dev.rulec.target.kql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.Expr;
import dev.rulec.ir.ExprWalker;
import dev.rulec.ir.ExprFields;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.target.RenderContext;
import dev.rulec.target.RenderedQuery;
import dev.rulec.target.dsl.DslRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A KQL query rule for a tree KQL cannot fully express. Kibana runs a query rule as {@code bool.filter[query,
 * filters…]}, so a top-level AND can be split without changing its meaning: the conjuncts KQL expresses stay in the
 * query; each other conjunct (the smallest top-level one holding the construct; an OR holding it goes whole) becomes
 * one Query DSL filter through {@link DslRenderer#exactCaseFolding()}, which keeps Sigma's case-insensitive semantics.
 * A conjunct the DSL cannot express either (a look-ahead, a field comparison) keeps the rule an error, with the DSL's reason.
 *
 * <p>When no conjunct is left for KQL the query is empty: Kibana treats an empty query as matching every document
 * (the schema makes {@code query} optional for query rules, and Kibana's own editor saves filter-only rules so).
 */
final class KqlFilterSplit {
    static final String CODE = "kql.dsl-filter";

    private KqlFilterSplit() {
    }

    static Optional<RenderedQuery> render(KqlRenderer kql, Expr expr, RenderContext ctx, Diagnostics diags) {
        Diagnostics whole = new Diagnostics();
        Optional<String> all = kql.render(expr, ctx, whole);
        if (all.isPresent()) {
            diags.addAll(whole.all());
            return all.map(RenderedQuery::of);
        }
        List<Expr> conjuncts = expr instanceof Expr.And a ? a.terms() : List.of(expr);
        List<Expr> inKql = new ArrayList<>();
        List<Expr> inDsl = new ArrayList<>();
        for (Expr c : conjuncts) {
            (kql.render(c, ctx, new Diagnostics()).isPresent() ? inKql : inDsl).add(c);
        }
        Diagnostics dslProblems = new Diagnostics();
        List<RenderedQuery.Filter> filters = new ArrayList<>();
        for (Expr c : inDsl) {
            Optional<ObjectNode> q = DslRenderer.exactCaseFolding().render(c, ctx, dslProblems);
            List<String> fields = ExprFields.of(c).isEmpty() ? List.of("<any field>") : List.copyOf(ExprFields.of(c));
            q.ifPresent(x -> filters.add(new RenderedQuery.Filter(x, fields)));
        }
        if (dslProblems.hasErrors()) {
            // The Query DSL's reason is the one that matters: KQL's is the same for every such conjunct.
            for (Diagnostic d : dslProblems.all()) {
                diags.add(d.isError() ? Diagnostic.error("kql.unsupported", d.pos(), d.message()
                        + " (neither KQL nor a Query DSL filter of the rule can express it)", d.hint()) : d);
            }
            return Optional.empty();
        }
        String query = "";
        if (!inKql.isEmpty()) {
            Optional<String> q = kql.render(inKql.size() == 1 ? inKql.get(0) : new Expr.And(inKql), ctx, diags);
            if (q.isEmpty()) {
                return Optional.empty();
            }
            query = q.get();
        }
        for (int i = 0; i < inDsl.size(); i++) {
            List<String> fields = filters.get(i).fields();
            diags.note(CODE, ctx.pos(), "rule [" + ctx.ruleName() + "], field" + plural(fields) + " " + fields
                            + ": KQL has no form for " + String.join(" or ", constructs(inDsl.get(i)))
                            + ", so the condition is a Query DSL filter of the rule (Kibana ANDs it onto the query)",
                    "pass --kql-filters=error to refuse such rules, or compile to ES|QL or Lucene");
        }
        return Optional.of(new RenderedQuery(query, filters));
    }

    private static boolean edgeSpace(Pattern.Part part, boolean start) {
        return part instanceof Pattern.Text t && !t.text().isEmpty()
                && Character.isWhitespace(start ? t.text().charAt(0) : t.text().charAt(t.text().length() - 1));
    }

    private static String plural(List<String> fields) {
        return fields.size() == 1 ? "" : "s";
    }

    /** What in a conjunct KQL lacks, for the message. */
    private static Set<String> constructs(Expr e) {
        Set<String> out = new TreeSet<>();
        e.accept(new ExprWalker() {
            @Override
            public Void visitRegex(Expr.Regex r) {
                out.add("a regular expression");
                return null;
            }

            @Override
            public Void visitMatch(Expr.Match m) {
                if (m.value() instanceof Literal.Str s) {
                    pattern(s.pattern());
                }
                return null;
            }

            @Override
            public Void visitKeyword(Expr.Keyword k) {
                pattern(k.value());
                return null;
            }

            private void pattern(Pattern p) {
                List<Pattern.Part> parts = p.parts();
                if (parts.stream().anyMatch(x -> x instanceof Pattern.AnyChar)) {
                    out.add("the single-character wildcard");
                } else if (p.hasWildcards() && (edgeSpace(parts.get(0), true)
                        || edgeSpace(parts.get(parts.size() - 1), false))) {
                    out.add("a wildcard value with whitespace at its ends");
                }
            }
        });
        if (out.isEmpty()) {
            out.add("this condition");
        }
        return out;
    }
}
