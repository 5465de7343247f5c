package dev.rulec.ruletest.esql;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** The rows an ES|QL query returns, values as Elasticsearch's JSON response writes them (ordered columns). */
public record EsqlResult(List<String> columns, List<Map<String, JsonNode>> rows) {
    public EsqlResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
