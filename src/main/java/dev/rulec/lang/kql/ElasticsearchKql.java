package dev.rulec.lang.kql;

import dev.rulec.lang.QuerySyntaxException;
import dev.rulec.lang.kql.parser.KqlBaseVisitor;
import dev.rulec.lang.kql.parser.KqlParser.GroupValuesContext;
import dev.rulec.lang.kql.parser.KqlParser.NegatedValuesContext;
import dev.rulec.lang.kql.parser.KqlParser.NotListContext;
import dev.rulec.lang.kql.parser.KqlParser.PlainValuesContext;
import dev.rulec.lang.kql.parser.KqlParser.SingleValueContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Where Elasticsearch 8.19's own KQL parser (the {@code kql} query, ES|QL's {@code KQL()} function) parts from
 * Kibana's: inside {@code field:( … )} it takes one value, so Kibana's value lists ({@code field:(a or b)},
 * {@code field:(a and c)}, nested groups) fail there with "Failed to parse KQL query", and {@code field:(not b)} is read
 * as the value "not b" instead of a negation. Value lists came to that parser in 9.0.x and 9.1 (elastic/elasticsearch
 * pull request 133737). Checked on the parse tree of rulec's grammar after it accepted the query; found by running both
 * parsers on the same queries ({@code EmbeddedKqlDialectIT}).
 */
final class ElasticsearchKql extends KqlBaseVisitor<Void> {

    private final Utf16 at;

    ElasticsearchKql(Utf16 at) {
        this.at = at;
    }

    @Override
    public Void visitGroupValues(GroupValuesContext ctx) {
        var ands = ctx.orList().andList();
        if (ands.size() > 1) {
            throw refuse(ctx.orList().OR(0), "a value list with [or]");
        }
        var nots = ands.get(0).notList();
        if (nots.size() > 1) {
            throw refuse(ands.get(0).AND(0), "a value list with [and]");
        }
        NotListContext only = nots.get(0);
        if (only instanceof NegatedValuesContext neg) {
            throw new QuerySyntaxException("kql.elasticsearch-dialect", at.index(neg.NOT().getSymbol().getStartIndex()),
                    "Elasticsearch 8.19's KQL (the kql query and ES|QL's KQL function) reads [not] inside field:( … ) as"
                            + " part of the value, not as a negation as Kibana does",
                    "write not field:value");
        }
        if (!(((PlainValuesContext) only).listOfValues() instanceof SingleValueContext)) {
            GroupValuesContext inner = (GroupValuesContext) ((PlainValuesContext) only).listOfValues();
            throw refuse(inner.LPAREN(), "a value list nested in another");
        }
        return null;
    }

    private QuerySyntaxException refuse(TerminalNode node, String what) {
        Token t = node.getSymbol();
        return new QuerySyntaxException("kql.elasticsearch-dialect", at.index(t.getStartIndex()),
                "Elasticsearch 8.19's KQL (the kql query and ES|QL's KQL function) takes one value in field:( … ); it"
                        + " does not accept " + what + ", which Kibana's KQL and Elasticsearch 9.1 have",
                "write each value with its field, e.g. (field:a or field:b)");
    }
}
