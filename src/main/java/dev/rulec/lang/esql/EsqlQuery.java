package dev.rulec.lang.esql;

import java.util.List;

/** A parsed ES|QL query: a source command followed by processing commands. */
public record EsqlQuery(List<EsqlCommand> commands) {
    public EsqlQuery {
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a query has at least its source command");
        }
        commands = List.copyOf(commands);
    }

    public EsqlCommand source() {
        return commands.get(0);
    }
}
