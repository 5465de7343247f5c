package dev.rulec.lint;

import dev.rulec.diag.Diagnostic;
import dev.rulec.source.sigma.yaml.YNode;
import dev.rulec.source.sigma.yaml.YamlLimits;
import dev.rulec.source.sigma.yaml.YamlReader;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Sigma rule that passes every Sigma check, variations of it, and a way to run one check over them. */
public final class SigmaFixtures {

    public static final String CLEAN = """
            title: Cmd Started By Word
            id: 11111111-2222-4333-8444-555555555555
            status: test
            level: high
            logsource:
              category: process_creation
              product: windows
            detection:
              selection:
                ParentImage|endswith: '\\\\winword.exe'
                Image|endswith:
                  - '\\\\cmd.exe'
                  - '\\\\powershell.exe'
              filter_main:
                CommandLine|contains: 'safe'
              condition: selection and not 1 of filter_*
            """;

    private SigmaFixtures() {
    }

    public static String with(String from, String to) {
        assertTrue(CLEAN.contains(from), () -> "fixture lacks [" + from + "]");
        return CLEAN.replace(from, to);
    }

    public static List<String> run(Check check, String yaml) {
        try {
            YNode doc = new YamlReader(YamlLimits.defaults()).readString(yaml, "r.yml").get(0);
            List<Diagnostic> ds = new Linter(List.of(check), LintConfig.defaults())
                    .run(List.of(), List.of(new SigmaDocument((YNode.YMap) doc, "r.yml")));
            return ds.stream().map(Diagnostic::format).toList();
        } catch (dev.rulec.source.sigma.yaml.YamlException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
