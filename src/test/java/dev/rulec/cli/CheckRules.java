package dev.rulec.cli;

/** Detection-rules TOML for the {@code rulec check} tests; the query's text starts on line 17, column 1. */
final class CheckRules {
    private CheckRules() {
    }

    /** @param scope the line(s) after {@code language}: {@code index = [...]}, or empty (ES|QL) */
    static String rule(String type, String language, String scope, String query) {
        return """
                [metadata]
                creation_date = "2026/01/01"
                maturity = "production"
                updated_date = "2026/01/01"

                [rule]
                author = ["t"]
                description = "d"
                name = "Checked Rule"
                risk_score = 21
                rule_id = "11111111-2222-4333-8444-555555555555"
                severity = "low"
                type = "%s"
                language = "%s"
                %s
                query = '''
                %s
                '''
                """.formatted(type, language, scope, query);
    }
}
