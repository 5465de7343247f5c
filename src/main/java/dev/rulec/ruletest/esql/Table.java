package dev.rulec.ruletest.esql;

import dev.rulec.lang.esql.EsqlType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows between two commands: ordered typed columns, each row a map from column to value (see {@link EsqlValues} for
 * the value representation; an absent key is ES|QL {@code null}).
 */
record Table(LinkedHashMap<String, EsqlType> columns, List<Map<String, Object>> rows) {
    Table withRows(List<Map<String, Object>> newRows) {
        return new Table(columns, newRows);
    }
}
