package dev.rulec.source.sigma.detection;

import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.source.sigma.SigmaException;
import dev.rulec.source.sigma.condition.Cond;
import dev.rulec.source.sigma.condition.ConditionParser;
import dev.rulec.source.sigma.condition.ConditionSyntaxException;
import dev.rulec.source.sigma.yaml.YNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's {@code detection} section → one {@link Expr}: each named search becomes a tree (maps are AND, lists of
 * maps are OR, lists of values are keyword ORs), and the condition combines them.
 */
public final class DetectionCompiler {

    private final DetectionItemCompiler items;

    public DetectionCompiler(DetectionItemCompiler items) {
        this.items = items;
    }

    /**
     * The detection's condition over its searches. Every search and the condition are checked even after a problem,
     * so all of a detection's problems are reported together (one {@link SigmaException} carrying them).
     */
    public Expr compile(YNode.YMap detection) throws SigmaException {
        List<SigmaException> problems = new ArrayList<>();
        Map<String, Expr> searches = new LinkedHashMap<>();
        YNode condition = null;
        for (YNode.Entry e : detection.list()) {
            if (e.key().equals("condition")) {
                condition = e.value();
            } else if (e.key().equals("timeframe")) {
                problems.add(new SigmaException("sigma.timeframe", e.keyPos(), "[timeframe] in a detection has no"
                        + " meaning without an aggregation", "write a correlation rule with a timespan instead"));
            } else {
                try {
                    searches.put(e.key(), search(e.key(), e.value(), problems));
                } catch (SigmaException x) {
                    problems.add(x);
                    // defined, though broken: the condition may name it without a second, misleading error
                    searches.put(e.key(), new Expr.Const(true));
                }
            }
        }
        if (condition == null) {
            problems.add(new SigmaException("sigma.missing-condition", detection.pos(), "detection has no [condition]"));
        } else if (searches.isEmpty()) {
            problems.add(new SigmaException("sigma.empty-detection", detection.pos(), "detection defines no search"));
        }
        Expr out = new Expr.Const(true);
        if (condition != null && !searches.isEmpty()) {
            try {
                out = conditions(condition, searches);
            } catch (SigmaException x) {
                problems.add(x);
            }
        }
        if (!problems.isEmpty()) {
            throw SigmaException.of(problems);
        }
        return out;
    }

    private Expr conditions(YNode condition, Map<String, Expr> searches) throws SigmaException {
        if (condition instanceof YNode.YSeq seq) {
            // Sigma v1 allowed a list of conditions; each one alerts, which is their OR.
            List<Expr> alts = new ArrayList<>();
            for (YNode c : seq.items()) {
                alts.add(condition(c, searches));
            }
            if (alts.isEmpty()) {
                throw new SigmaException("sigma.missing-condition", seq.pos(), "the list of conditions is empty");
            }
            return Expr.anyOf(alts);
        }
        return condition(condition, searches);
    }

    private Expr condition(YNode node, Map<String, Expr> searches) throws SigmaException {
        if (!(node instanceof YNode.YScalar s) || s.type() != YNode.ScalarType.STR) {
            throw new SigmaException("sigma.invalid-condition", node.pos(), "[condition] must be a string, not "
                    + node.kindName());
        }
        Cond cond;
        try {
            cond = ConditionParser.parse(s.text());
        } catch (ConditionSyntaxException e) {
            throw new SigmaException("sigma.condition-syntax", s.posAt(e.offset()), "condition: " + e.getMessage());
        }
        return new ConditionCompiler(searches, s).compile(cond);
    }

    /** One named search. */
    private Expr search(String name, YNode node, List<SigmaException> problems) throws SigmaException {
        if (node instanceof YNode.YMap map) {
            return map(map, problems);
        }
        if (node instanceof YNode.YSeq seq) {
            if (seq.items().isEmpty()) {
                throw new SigmaException("sigma.empty-search", seq.pos(), "search [" + name + "] is an empty list");
            }
            List<Expr> alts = new ArrayList<>();
            List<YNode.YScalar> keywords = new ArrayList<>();
            for (YNode item : seq.items()) {
                if (item instanceof YNode.YMap m) {
                    alts.add(map(m, problems));
                } else if (item instanceof YNode.YScalar sc) {
                    keywords.add(sc);
                } else {
                    throw new SigmaException("sigma.invalid-search", item.pos(), "an item of search [" + name
                            + "] must be a map of fields or a keyword, not " + item.kindName());
                }
            }
            if (!keywords.isEmpty()) {
                alts.add(items.keywords(keywords, Modifiers.parse(new String[]{""}, seq.pos()), seq.pos()));
            }
            return Expr.anyOf(alts);
        }
        YNode.YScalar sc = (YNode.YScalar) node;
        return items.keywords(List.of(sc), Modifiers.parse(new String[]{""}, sc.pos()), sc.pos());
    }

    /** A search map: its items ANDed; a broken item is added to {@code problems} and the others are still checked. */
    private Expr map(YNode.YMap map, List<SigmaException> problems) throws SigmaException {
        if (map.entries().isEmpty()) {
            throw new SigmaException("sigma.empty-search", map.pos(), "a search map has no fields");
        }
        List<Expr> terms = new ArrayList<>();
        for (YNode.Entry e : map.list()) {
            try {
                terms.add(items.item(e.key(), e.keyPos(), e.value()));
            } catch (SigmaException x) {
                problems.add(x);
            }
        }
        return Expr.allOf(terms);
    }

    /** Condition tree → Expr over the named searches. */
    private static final class ConditionCompiler {
        private final Map<String, Expr> searches;
        private final YNode.YScalar text;

        ConditionCompiler(Map<String, Expr> searches, YNode.YScalar text) {
            this.searches = searches;
            this.text = text;
        }

        Expr compile(Cond c) throws SigmaException {
            if (c instanceof Cond.And a) {
                return Expr.and(compile(a.left()), compile(a.right()));
            }
            if (c instanceof Cond.Or o) {
                return Expr.or(compile(o.left()), compile(o.right()));
            }
            if (c instanceof Cond.Not n) {
                return Expr.not(compile(n.operand()));
            }
            if (c instanceof Cond.Ident id) {
                Expr e = searches.get(id.name());
                if (e == null) {
                    throw new SigmaException("sigma.undefined-search", pos(id.offset()), "condition: ["
                            + id.name() + "] is not a search of this detection", "defined: "
                            + String.join(", ", searches.keySet()));
                }
                return e;
            }
            Cond.Of of = (Cond.Of) c;
            List<Expr> selected = new ArrayList<>();
            java.util.regex.Pattern glob = of.pattern().map(DetectionCompiler::glob).orElse(null);
            for (Map.Entry<String, Expr> s : searches.entrySet()) {
                boolean hit = glob == null ? !s.getKey().startsWith("_") : glob.matcher(s.getKey()).matches();
                if (hit) {
                    selected.add(s.getValue());
                }
            }
            if (selected.isEmpty()) {
                throw new SigmaException("sigma.undefined-search", pos(of.offset()), "condition: ["
                        + of.pattern().orElse("them") + "] matches no search of this detection", "defined: "
                        + String.join(", ", searches.keySet()));
            }
            return of.quantifier() == Cond.Quantifier.ALL ? Expr.allOf(selected) : Expr.anyOf(selected);
        }

        private SourcePos pos(int offset) {
            return text.posAt(offset);
        }
    }

    /** A condition pattern as a full-match regex: {@code *} any run, {@code ?} one character. */
    static java.util.regex.Pattern glob(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            if (ch == '*') {
                sb.append(".*");
            } else if (ch == '?') {
                sb.append('.');
            } else {
                sb.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
        }
        return java.util.regex.Pattern.compile(sb.toString(), java.util.regex.Pattern.DOTALL);
    }
}
