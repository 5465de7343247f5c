package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.ir.Expr;
import dev.rulec.pipeline.PipelineSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Inline Sigma rules for tests: a rule around a detection block, compiled to the IR without a pipeline. */
final class SigmaTestSupport {
    private SigmaTestSupport() {
    }

    /** A complete rule whose detection section is {@code detection} (indented by the caller with 4 spaces). */
    static String rule(String detection) {
        return "title: Test rule\n"
                + "id: 00000000-0000-0000-0000-000000000001\n"
                + "level: medium\n"
                + "logsource:\n    product: test\n"
                + "detection:\n" + detection;
    }

    static Expr ir(String detection) {
        Diagnostics d = new Diagnostics();
        SigmaFrontEnd.Parsed p = new SigmaFrontEnd(PipelineSet.empty()).parseText(rule(detection), "rule.yml", d);
        assertFalse(d.hasErrors(), () -> d.all().toString());
        assertEquals(1, p.rules().size());
        return p.rules().get(0).detection();
    }

    /** The formatted error messages of compiling a rule with this detection. */
    static List<String> errors(String detection) {
        return errorsOfDocument(rule(detection));
    }

    static List<String> errorsOfDocument(String yaml) {
        Diagnostics d = new Diagnostics();
        new SigmaFrontEnd(PipelineSet.empty()).parseText(yaml, "rule.yml", d);
        return d.all().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
    }
}
