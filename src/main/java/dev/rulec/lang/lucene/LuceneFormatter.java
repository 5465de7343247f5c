package dev.rulec.lang.lucene;

import dev.rulec.ir.Pattern;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Prints a {@link LuceneQuery} as query_string text that {@link LuceneParser} reads back to an equal tree: every value
 * escaped, ranges' bounds quoted, juxtaposed clauses joined by an explicit {@code OR} and prohibited ones written
 * {@code NOT}.
 */
public final class LuceneFormatter implements LuceneVisitor<String> {

    private static final LuceneFormatter INSTANCE = new LuceneFormatter();

    private LuceneFormatter() {
    }

    public static String format(LuceneQuery q) {
        return q.accept(INSTANCE);
    }

    @Override
    public String visitBool(LuceneQuery.Bool q) {
        StringBuilder sb = new StringBuilder();
        for (LuceneQuery.Clause c : q.clauses()) {
            if (c.conjunction() != LuceneQuery.Conjunction.NONE) {
                sb.append(' ').append(c.conjunction().name()).append(' ');
            }
            sb.append(switch (c.modifier()) {
                case NONE -> "";
                case REQUIRED -> "+";
                case PROHIBITED -> "NOT ";
            });
            sb.append(c.query().accept(this));
        }
        return sb.toString();
    }

    @Override
    public String visitGroup(LuceneQuery.Group q) {
        return field(q.field()) + "(" + q.query().accept(this) + ")" + boost(q.boost());
    }

    @Override
    public String visitTerm(LuceneQuery.Term q) {
        String fuzzy = q.fuzzy().map(f -> "~" + f.amount()).orElse("");
        return field(q.field()) + pattern(q.value()) + fuzzy + boost(q.boost());
    }

    @Override
    public String visitPhrase(LuceneQuery.Phrase q) {
        return field(q.field()) + LuceneEscapes.quoted(q.text()) + (q.slop() > 0 ? "~" + q.slop() : "") + boost(q.boost());
    }

    @Override
    public String visitRegexp(LuceneQuery.Regexp q) {
        return field(q.field()) + "/" + q.regex() + "/" + boost(q.boost());
    }

    @Override
    public String visitRange(LuceneQuery.Range q) {
        return field(q.field()) + (q.includeLower() ? "[" : "{") + bound(q.lower()) + " TO " + bound(q.upper())
                + (q.includeUpper() ? "]" : "}") + boost(q.boost());
    }

    @Override
    public String visitCompare(LuceneQuery.Compare q) {
        return field(q.field()) + q.op().text() + LuceneEscapes.escape(q.value()) + boost(q.boost());
    }

    @Override
    public String visitExists(LuceneQuery.Exists q) {
        return LuceneQuery.Exists.FIELD + ":" + LuceneEscapes.term(q.field());
    }

    private static String field(Optional<String> f) {
        return f.map(name -> (name.equals("*") ? "*" : LuceneEscapes.term(name)) + ":").orElse("");
    }

    private static String bound(Optional<String> b) {
        return b.map(LuceneEscapes::rangeBound).orElse("*");
    }

    private static String boost(Optional<BigDecimal> b) {
        return b.map(d -> "^" + d.toPlainString()).orElse("");
    }

    private static String pattern(Pattern p) {
        Optional<String> plain = p.literalText();
        if (plain.isPresent()) {
            return LuceneEscapes.term(plain.get());
        }
        StringBuilder sb = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Text t) {
                LuceneEscapes.escapeInto(t.text(), sb);
            } else {
                sb.append(part instanceof Pattern.AnyString ? '*' : '?');
            }
        }
        return sb.toString();
    }
}
