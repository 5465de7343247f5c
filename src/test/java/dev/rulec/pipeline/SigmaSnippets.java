package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.source.sigma.SigmaRuleIr;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** One-selection Sigma rules for a logsource, parsed with the built-in pipelines. */
final class SigmaSnippets {

    private SigmaSnippets() {
    }

    /** A rule of {@code product}/{@code service} whose only selection is {@code selection} (indented lines). */
    static SigmaFrontEnd.Parsed parse(String product, String service, String selection, Diagnostics d) {
        String rule = "title: t\nid: x\nlevel: low\nlogsource:\n    product: " + product + "\n    service: " + service
                + "\ndetection:\n    s:\n" + selection + "    condition: s\n";
        return new SigmaFrontEnd(PipelineSet.builtIns()).parseText(rule, "r.yml", d);
    }

    /** The rule, which must compile without any diagnostic. */
    static SigmaRuleIr compiles(String product, String service, String selection) {
        Diagnostics d = new Diagnostics();
        var p = parse(product, service, selection, d);
        assertTrue(d.all().isEmpty(), d.all().toString());
        return p.rules().get(0);
    }

    /** The rule's first error, which must exist. */
    static Diagnostic firstError(String product, String service, String selection) {
        Diagnostics d = new Diagnostics();
        parse(product, service, selection, d);
        assertTrue(d.hasErrors(), d.all().toString());
        return d.all().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    }
}
