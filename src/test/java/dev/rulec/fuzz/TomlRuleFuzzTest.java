package dev.rulec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.model.LoadedRule;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.validate.QueryValidator;

import org.junit.jupiter.api.Timeout;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A detection-rules TOML file of arbitrary text, read and its query validated as {@code rulec compile} does: a rule or
 * positioned error diagnostics, never an exception.
 */
class TomlRuleFuzzTest {

    @FuzzTest
    @Timeout(10)
    void readerGivesARuleOrPositionedErrors(byte[] data) {
        Optional<String> text = FuzzInput.utf8(data);
        if (text.isEmpty()) {
            return;
        }
        SourcePos start = SourcePos.startOf("rule.toml");
        Diagnostics diags = new Diagnostics();
        Optional<LoadedRule> rule = TomlRuleReader.parse(text.get(), start.file(), diags);
        if (rule.isEmpty()) {
            assertTrue(diags.hasErrors(), () -> "no rule and no error: " + diags.all());
        } else {
            QueryValidator.check(rule.get(), diags);
        }
        diags.all().forEach(d -> FuzzInput.assertInside(text.get(), start, d));
    }
}
