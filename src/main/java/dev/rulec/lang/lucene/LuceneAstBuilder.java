package dev.rulec.lang.lucene;

import dev.rulec.ir.Pattern;
import dev.rulec.lang.QuerySyntaxException;
import dev.rulec.lang.lucene.LuceneQuery.Clause;
import dev.rulec.lang.lucene.LuceneQuery.Conjunction;
import dev.rulec.lang.lucene.LuceneQuery.Modifier;
import dev.rulec.lang.lucene.parser.LuceneParserBaseVisitor;
import dev.rulec.lang.lucene.parser.LuceneLexer;
import dev.rulec.lang.lucene.parser.LuceneParser.BareTermContext;
import dev.rulec.lang.lucene.parser.LuceneParser.BooleanQueryContext;
import dev.rulec.lang.lucene.parser.LuceneParser.BoostContext;
import dev.rulec.lang.lucene.parser.LuceneParser.ConjunctionContext;
import dev.rulec.lang.lucene.parser.LuceneParser.GroupClauseContext;
import dev.rulec.lang.lucene.parser.LuceneParser.ModClauseContext;
import dev.rulec.lang.lucene.parser.LuceneParser.PhraseTermContext;
import dev.rulec.lang.lucene.parser.LuceneParser.QueryContext;
import dev.rulec.lang.lucene.parser.LuceneParser.RangeBoundContext;
import dev.rulec.lang.lucene.parser.LuceneParser.RangeTermContext;
import dev.rulec.lang.lucene.parser.LuceneParser.SuffixContext;
import dev.rulec.lang.lucene.parser.LuceneParser.TermClauseContext;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parse tree in, {@link LuceneQuery} out: escapes decoded (with Lucene's errors for bad ones), a term's kind chosen as
 * Lucene chooses it (wildcard, prefix, regexp, fuzzy, plain), then Elasticsearch's readings of plain terms:
 * {@code _exists_:f} is an exists query and a term starting with {@code >} or {@code <} a comparison.
 */
final class LuceneAstBuilder extends LuceneParserBaseVisitor<LuceneQuery> {

    private final String text;
    /** The field of the clause being built ({@code field:}), if it names one. */
    private Optional<String> field = Optional.empty();

    LuceneAstBuilder(String text) {
        this.text = text;
    }

    LuceneQuery.Bool query(QueryContext ctx) {
        return ctx.booleanQuery() == null ? new LuceneQuery.Bool(List.of()) : bool(ctx.booleanQuery());
    }

    private LuceneQuery.Bool bool(BooleanQueryContext ctx) {
        List<Clause> clauses = new ArrayList<>();
        Conjunction conj = Conjunction.NONE;
        for (ParseTree child : ctx.children) {
            if (child instanceof ConjunctionContext c) {
                conj = c.AND() != null ? Conjunction.AND : Conjunction.OR;
            } else if (child instanceof ModClauseContext m) {
                if (!clauses.isEmpty() && conj == Conjunction.NONE) {
                    conj = Conjunction.OR; // juxtaposed clauses: Elasticsearch's default operator
                }
                clauses.add(new Clause(conj, modifier(m.modifier), visit(m.clause())));
                conj = Conjunction.NONE;
            }
        }
        return new LuceneQuery.Bool(clauses);
    }

    private static Modifier modifier(Token t) {
        if (t == null) {
            return Modifier.NONE;
        }
        return t.getType() == LuceneLexer.PLUS ? Modifier.REQUIRED : Modifier.PROHIBITED;
    }

    @Override
    public LuceneQuery visitTermClause(TermClauseContext ctx) {
        field = fieldName(ctx.field);
        return visit(ctx.term());
    }

    @Override
    public LuceneQuery visitGroupClause(GroupClauseContext ctx) {
        Optional<String> f = fieldName(ctx.field);
        return new LuceneQuery.Group(f, bool(ctx.booleanQuery()), boost(ctx.boost()));
    }

    @Override
    public LuceneQuery visitBareTerm(BareTermContext ctx) {
        Token t = ctx.value;
        Optional<BigDecimal> boost = boost(ctx.suffix() == null ? null : ctx.suffix().boost());
        Optional<LuceneQuery.Fuzzy> fuzzy = fuzzy(ctx.suffix());
        String raw = t.getText();
        switch (t.getType()) {
            case LuceneLexer.REGEXPTERM:
                return new LuceneQuery.Regexp(field, raw.substring(1, raw.length() - 1), boost);
            case LuceneLexer.STAR:
                return new LuceneQuery.Term(field, Pattern.of(Pattern.ANY_STRING), fuzzy, boost);
            case LuceneLexer.BAREOPER:
                return plain(raw.substring(0, 1), fuzzy, boost); // the operator character itself
            case LuceneLexer.WILDTERM:
                return new LuceneQuery.Term(field, wildcard(t), fuzzy, boost);
            case LuceneLexer.PREFIXTERM:
                return new LuceneQuery.Term(field,
                        Pattern.literal(unescape(raw.substring(0, raw.length() - 1), t, 0)).append(Pattern.ANY_STRING),
                        fuzzy, boost);
            default:
                return plain(unescape(raw, t, 0), fuzzy, boost);
        }
    }

    /** A plain term: fuzzy, or one of Elasticsearch's readings ({@code _exists_}, comparisons), or a term query. */
    private LuceneQuery plain(String value, Optional<LuceneQuery.Fuzzy> fuzzy, Optional<BigDecimal> boost) {
        if (fuzzy.isPresent()) {
            return new LuceneQuery.Term(field, Pattern.literal(value), fuzzy, boost);
        }
        if (boost.isEmpty() && field.filter(LuceneQuery.Exists.FIELD::equals).isPresent()) {
            return new LuceneQuery.Exists(value);
        }
        if (LuceneQuery.Compare.starts(value)) {
            boolean orEqual = value.length() > 2 && value.charAt(1) == '=';
            boolean greater = value.charAt(0) == '>';
            LuceneQuery.Compare.Op op = greater
                    ? (orEqual ? LuceneQuery.Compare.Op.GE : LuceneQuery.Compare.Op.GT)
                    : (orEqual ? LuceneQuery.Compare.Op.LE : LuceneQuery.Compare.Op.LT);
            return new LuceneQuery.Compare(field, op, value.substring(orEqual ? 2 : 1), boost);
        }
        return new LuceneQuery.Term(field, Pattern.literal(value), fuzzy, boost);
    }

    @Override
    public LuceneQuery visitPhraseTerm(PhraseTermContext ctx) {
        Token t = ctx.QUOTED().getSymbol();
        String raw = t.getText();
        String value = unescape(raw.substring(1, raw.length() - 1), t, 1);
        int slop = 0;
        Optional<Token> slopToken = ctx.suffix() == null || ctx.suffix().FUZZY_SLOP() == null
                ? Optional.empty() : Optional.of(ctx.suffix().FUZZY_SLOP().getSymbol());
        if (slopToken.isPresent()) {
            // Lucene's reading: the number as a float, truncated; anything else leaves the default, 0.
            try {
                slop = Math.max(0, (int) Float.parseFloat(slopToken.get().getText().substring(1)));
            } catch (NumberFormatException e) {
                slop = 0;
            }
        }
        return new LuceneQuery.Phrase(field, value, slop, boost(ctx.suffix() == null ? null : ctx.suffix().boost()));
    }

    @Override
    public LuceneQuery visitRangeTerm(RangeTermContext ctx) {
        return new LuceneQuery.Range(field, bound(ctx.lower), bound(ctx.upper),
                ctx.open.getType() == LuceneLexer.RANGEIN_START, ctx.close.getType() == LuceneLexer.RANGEIN_END,
                boost(ctx.boost()));
    }

    /** A range bound: {@code *} is open; a quoted one loses its quotes (so {@code "*"} is the text {@code *}). */
    private Optional<String> bound(RangeBoundContext ctx) {
        Token t = ctx.getStart();
        String raw = t.getText();
        if (t.getType() == LuceneLexer.RANGE_QUOTED) {
            return Optional.of(unescape(raw.substring(1, raw.length() - 1), t, 1));
        }
        return raw.equals("*") ? Optional.empty() : Optional.of(unescape(raw, t, 0));
    }

    private Optional<String> fieldName(Token t) {
        if (t == null) {
            return Optional.empty();
        }
        return Optional.of(t.getType() == LuceneLexer.STAR ? "*" : unescape(t.getText(), t, 0));
    }

    private static Optional<BigDecimal> boost(BoostContext ctx) {
        return ctx == null || ctx.NUMBER() == null ? Optional.empty() : Optional.of(new BigDecimal(ctx.NUMBER().getText()));
    }

    /** {@code ~n} after a term, with Elasticsearch's check of the fuzziness (its {@code Fuzziness.fromString}). */
    private Optional<LuceneQuery.Fuzzy> fuzzy(SuffixContext ctx) {
        if (ctx == null || ctx.FUZZY_SLOP() == null) {
            return Optional.empty();
        }
        Token t = ctx.FUZZY_SLOP().getSymbol();
        String amount = t.getText().substring(1);
        if (!amount.isEmpty() && !Fuzziness.valid(amount)) {
            throw new QuerySyntaxException("lucene.fuzzy", start(t), "Elasticsearch takes no fuzziness ["
                    + amount + "]", "write ~ alone, ~0, ~1, ~2 (edits) or ~AUTO");
        }
        return Optional.of(new LuceneQuery.Fuzzy(amount));
    }

    private Pattern wildcard(Token t) {
        try {
            return LuceneEscapes.unescapeWildcard(t.getText());
        } catch (LuceneEscapes.BadEscape e) {
            throw badEscape(t, 0, e);
        }
    }

    /** Unescapes {@code raw}, which begins {@code skip} characters into token {@code t}. */
    private String unescape(String raw, Token t, int skip) {
        try {
            return LuceneEscapes.unescape(raw);
        } catch (LuceneEscapes.BadEscape e) {
            throw badEscape(t, skip, e);
        }
    }

    private QuerySyntaxException badEscape(Token t, int skip, LuceneEscapes.BadEscape e) {
        return new QuerySyntaxException("lucene.bad-escape", start(t) + skip + e.offset(), e.getMessage(),
                "write \\\\ for a backslash");
    }

    private int start(Token t) {
        return LuceneParser.index(text, t.getStartIndex());
    }
}
