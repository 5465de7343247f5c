package dev.rulec.ir.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Matcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Turns a scenario (leaf wishes) into one flat event, field by field, checking each choice with the matcher. */
public final class Assembler {
    /** Where field-less keyword searches find their value in generated events. */
    public static final String KEYWORD_FIELD = "rulec_keyword";

    private final Random rnd;
    private final Map<Expr, Matcher> leafMatchers = new IdentityHashMap<>();

    public Assembler(Random rnd) {
        this.rnd = rnd;
    }

    public List<List<Lit>> scenarios(Expr e, boolean want) {
        return Scenarios.of(e, want);
    }

    private static Optional<String> fieldOf(Expr leaf) {
        if (leaf instanceof Expr.Match m) {
            return Optional.of(m.field());
        } else if (leaf instanceof Expr.Exists x) {
            return Optional.of(x.field());
        } else if (leaf instanceof Expr.Range r) {
            return Optional.of(r.field());
        } else if (leaf instanceof Expr.Cidr c) {
            return Optional.of(c.field());
        } else if (leaf instanceof Expr.Regex r) {
            return Optional.of(r.field());
        } else if (leaf instanceof Expr.Keyword) {
            return Optional.of(KEYWORD_FIELD);
        }
        return Optional.empty();
    }

    private boolean holds(Lit lit, String field, JsonNode value) {
        Matcher m = leafMatchers.computeIfAbsent(lit.leaf(), Matcher::compile);
        ObjectNode ev = JsonNodeFactory.instance.objectNode();
        if (!value.isMissingNode()) {
            ev.set(field, value);
        }
        return m.matches(ev) == lit.want();
    }

    public Optional<ObjectNode> realize(List<Lit> scenario) {
        Map<String, List<Lit>> byField = new LinkedHashMap<>();
        List<Lit> refs = new ArrayList<>();
        for (Lit lit : scenario) {
            Optional<String> f = fieldOf(lit.leaf());
            if (f.isPresent()) {
                byField.computeIfAbsent(f.get(), k -> new ArrayList<>()).add(lit);
            } else if (lit.leaf() instanceof Expr.FieldRef) {
                refs.add(lit);
            }
        }
        ObjectNode ev = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, List<Lit>> e : byField.entrySet()) {
            Optional<JsonNode> v = choose(e.getKey(), e.getValue());
            if (v.isEmpty()) {
                return Optional.empty();
            }
            if (!v.get().isMissingNode()) {
                ev.set(e.getKey(), v.get());
            }
        }
        for (Lit r : refs) {
            fieldRef((Expr.FieldRef) r.leaf(), r.want(), ev);
        }
        return Optional.of(ev);
    }

    private Optional<JsonNode> choose(String field, List<Lit> lits) {
        List<JsonNode> positives = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        StringBuilder concat = new StringBuilder();
        for (Lit lit : lits) {
            List<JsonNode> c = Candidates.forLeaf(lit.leaf(), rnd);
            if (lit.want()) {
                positives.addAll(c);
                if (!c.isEmpty() && c.get(0).isTextual()) {
                    concat.append(c.get(0).textValue());
                }
            } else {
                others.addAll(c);
            }
        }
        List<JsonNode> order = new ArrayList<>(positives);
        if (concat.length() > 0) {
            order.add(0, TextNode.valueOf(concat.toString()));
        }
        Collections.shuffle(others, rnd);
        order.addAll(others);
        order.add(TextNode.valueOf("unrelated"));
        for (JsonNode v : order) {
            if (lits.stream().allMatch(l -> holds(l, field, v))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private void fieldRef(Expr.FieldRef r, boolean want, ObjectNode ev) {
        JsonNode a = ev.get(r.field());
        String av = a != null && a.isTextual() ? a.textValue() : "Ref" + rnd.nextInt(1000) + "Val";
        if (a == null) {
            ev.put(r.field(), av);
        }
        if (ev.has(r.otherField())) {
            return;
        }
        if (!want) {
            ev.put(r.otherField(), av + "#zz" + av);
            return;
        }
        int n = av.length();
        String b;
        switch (r.kind()) {
            case STARTS_WITH:
                b = av.substring(0, Math.max(1, n / 2));
                break;
            case ENDS_WITH:
                b = av.substring(n / 2);
                break;
            case CONTAINS:
                b = av.substring(n / 4, Math.max(n / 4 + 1, 3 * n / 4));
                break;
            default:
                b = av;
        }
        ev.put(r.otherField(), r.caseMode() == CaseMode.INSENSITIVE && rnd.nextBoolean() ? Candidates.swapCase(b) : b);
    }

    /** Variants of an event with one field removed or changed to a near miss or case variant. */
    public List<ObjectNode> mutations(ObjectNode ev) {
        List<ObjectNode> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        ev.fieldNames().forEachRemaining(names::add);
        for (String f : names) {
            ObjectNode without = ev.deepCopy();
            without.remove(f);
            out.add(without);
            JsonNode v = ev.get(f);
            if (v.isTextual()) {
                List<String> alts = new ArrayList<>(Candidates.nearMisses(v.textValue(), rnd));
                alts.add(v.textValue().toUpperCase(java.util.Locale.ROOT));
                alts.add(v.textValue().toLowerCase(java.util.Locale.ROOT));
                for (String alt : alts) {
                    ObjectNode c = ev.deepCopy();
                    c.put(f, alt);
                    out.add(c);
                }
            }
        }
        return out;
    }
}
