package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.pipeline.PipelineSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rulec.source.sigma.SigmaTestSupport.errors;
import static dev.rulec.source.sigma.SigmaTestSupport.errorsOfDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One run reports every problem of a rule, in file order, not only the first; the rule's other rules still compile. */
class AllProblemsOfARuleTest {

    @Test
    void everyBrokenItemAndTheConditionAreReportedTogether() {
        assertEquals(List.of(
                        "rule.yml:8:9: error: unknown modifier [foo] (known modifiers: contains, startswith, endswith,"
                                + " base64, base64offset, utf16le, utf16be, utf16, wide, windash, expand, re, cidr,"
                                + " exists, fieldref, gt, gte, lt, lte, minute, hour, day, week, month, year, all,"
                                + " cased, neq, i, m, s) [sigma.unknown-modifier]",
                        "rule.yml:11:9: error: modifier [cidr] cannot be combined with [contains]"
                                + " [sigma.invalid-modifier]",
                        "rule.yml:12:24: error: condition: [filter] is not a search of this detection"
                                + " (defined: sel, other) [sigma.undefined-search]"),
                errors("    sel:\n        a|foo: 1\n        b: 2\n    other:\n        c|cidr|contains: 10.0.0.0/8\n"
                        + "    condition: sel and filter and other\n"));
    }

    @Test
    void aBrokenSearchNamedByTheConditionIsNotAlsoCalledUndefined() {
        assertEquals(List.of("rule.yml:8:9: error: unknown modifier [nope] (known modifiers: contains, startswith,"
                        + " endswith, base64, base64offset, utf16le, utf16be, utf16, wide, windash, expand, re, cidr,"
                        + " exists, fieldref, gt, gte, lt, lte, minute, hour, day, week, month, year, all, cased, neq,"
                        + " i, m, s) [sigma.unknown-modifier]"),
                errors("    sel:\n        a|nope: 1\n    condition: sel\n"));
    }

    @Test
    void aRuleWithoutIdStillHasItsDetectionChecked() {
        assertEquals(List.of(
                        "rule.yml:1:1: error: the rule has no [id]; it becomes the Kibana rule_id (add id: <a UUID>)"
                                + " [sigma.missing-id]",
                        "rule.yml:8:24: error: condition: [nope] is not a search of this detection (defined: sel)"
                                + " [sigma.undefined-search]"),
                errorsOfDocument("title: No id\nlevel: low\nlogsource:\n    product: test\ndetection:\n"
                        + "    sel:\n        a: 1\n    condition: sel and nope\n"));
    }

    @Test
    void theOtherRulesOfTheFileStillCompile() {
        String good = SigmaTestSupport.rule("    sel:\n        a: 1\n    condition: sel\n");
        String bad = good.replace("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002")
                .replace("a: 1", "a|foo: 1").replace("condition: sel", "condition: sel or missing");
        Diagnostics d = new Diagnostics();
        SigmaFrontEnd.Parsed p = new SigmaFrontEnd(PipelineSet.empty()).parseText(bad + "---\n" + good, "rules.yml", d);
        assertEquals(1, p.rules().size());
        assertEquals(List.of("sigma.unknown-modifier", "sigma.undefined-search"),
                d.all().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList());
    }
}
