package dev.rulec.ruletest.esql;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Matcher;
import dev.rulec.lang.esql.EsqlExpr;
import dev.rulec.lang.lucene.LuceneParser;
import dev.rulec.lang.lucene.LuceneQuery;
import dev.rulec.lang.lucene.LuceneToIr;
import dev.rulec.target.FieldTypes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code QSTR("…")}: the Lucene query parsed by rulec's grammar, turned into the IR where its meaning is exact
 * ({@link LuceneToIr}) and matched against the document the row came from, as the node runs it against the index.
 * Never null. A query whose meaning depends on analysis or the mapping needs a cluster.
 */
final class Qstr {
    /** The row's document, under a key no ES|QL column can have. */
    static final String SOURCE = "\u0000source";

    /** The document a row was read from, with the index's field types (keys of flattened fields typed flattened). */
    record Source(ObjectNode doc, FieldTypes types) {
    }

    private final Map<String, Matcher> compiled = new HashMap<>();

    boolean eval(EsqlExpr.Call c, Optional<Source> source) {
        if (c.args().size() != 1 || !(c.args().get(0) instanceof EsqlExpr.Literal lit)
                || !(lit.value() instanceof String query)) {
            throw new NeedsClusterException(c.text());
        }
        if (source.isEmpty()) {
            throw new EsqlRuntimeException("[QSTR] function is only supported in WHERE commands right after FROM");
        }
        Matcher m = compiled.get(query);
        if (m == null) {
            m = compile(c, query, source.get().types());
            compiled.put(query, m);
        }
        return m.matches(source.get().doc());
    }

    private static Matcher compile(EsqlExpr.Call c, String query, FieldTypes types) {
        Diagnostics d = new Diagnostics();
        Optional<LuceneQuery.Bool> parsed = LuceneParser.parse(query, SourcePos.startOf("qstr"), d);
        if (parsed.isEmpty()) {
            throw new EsqlRuntimeException("invalid Lucene query in [" + c.text() + "]: " + d.all().get(0).message());
        }
        try {
            return Matcher.compile(LuceneToIr.convert(parsed.get(), types));
        } catch (LuceneToIr.Refused e) {
            throw new NeedsClusterException(c.text() + " (" + e.getMessage() + ")");
        }
    }
}
