package dev.rulec.lint;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.source.toml.TomlRuleReader;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule that passes every check, variations of it, and a way to run one check over them. */
public final class LintFixtures {

    public static final String CLEAN = """
            [metadata]
            creation_date = "2026/01/01"
            maturity = "production"
            updated_date = "2026/02/01"

            [rule]
            author = ["t"]
            description = "d"
            name = "Clean Rule"
            risk_score = 47
            rule_id = "11111111-2222-4333-8444-555555555555"
            severity = "medium"
            type = "query"
            index = ["logs-*"]
            language = "kuery"
            query = "event.action: x"
            tags = ["Domain: Endpoint", "Tactic: Execution", "Resources: Investigation Guide"]
            note = \"\"\"## Triage and analysis

            ### Investigating Clean Rule

            #### Possible investigation steps

            - look

            ### False positive analysis

            - none

            ### Response and remediation

            - act
            \"\"\"

            [[rule.threat]]
            framework = "MITRE ATT&CK"

            [[rule.threat.technique]]
            id = "T1059"
            name = "Command and Scripting Interpreter"
            reference = "https://attack.mitre.org/techniques/T1059/"

            [[rule.threat.technique.subtechnique]]
            id = "T1059.001"
            name = "PowerShell"
            reference = "https://attack.mitre.org/techniques/T1059/001/"

            [rule.threat.tactic]
            id = "TA0002"
            name = "Execution"
            reference = "https://attack.mitre.org/tactics/TA0002/"
            """;

    private LintFixtures() {
    }

    /** The clean rule with one text replacement (which must apply). */
    public static String with(String from, String to) {
        assertTrue(CLEAN.contains(from), () -> "fixture lacks [" + from + "]");
        return CLEAN.replace(from, to);
    }

    public static LoadedRule rule(String toml) {
        return rule(toml, "r.toml");
    }

    public static LoadedRule rule(String toml, String file) {
        Diagnostics d = new Diagnostics();
        LoadedRule r = TomlRuleReader.parse(toml, file, d).orElseThrow(() -> new AssertionError(d.all().toString()));
        return r;
    }

    /** The check's findings over these rules (files named {@code r0.toml}, {@code r1.toml}, …). */
    public static List<Diagnostic> run(Check check, String... tomls) {
        List<LoadedRule> rules = new ArrayList<>();
        for (int i = 0; i < tomls.length; i++) {
            rules.add(rule(tomls[i], tomls.length == 1 ? "r.toml" : "r" + i + ".toml"));
        }
        return new Linter(List.of(check), LintConfig.defaults()).run(rules);
    }

    /** The findings as {@code file:line:col: severity: message (hint) [code]} lines. */
    public static List<String> lines(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::format).toList();
    }
}
