package dev.rulec.docs;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Rule;
import dev.rulec.source.toml.TomlCorpusTest;
import dev.rulec.source.toml.TomlRuleReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages for the whole detection-rules corpus, in English and Chinese, render without a single diagnostic. */
class DocsCorpusTest {
    static final List<Locale> BOTH = List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-CN"));

    static List<Rule> corpusRules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        Diagnostics d = new Diagnostics();
        for (Path f : TomlCorpusTest.corpus()) {
            TomlRuleReader.read(f, d).map(LoadedRule::rule).ifPresent(rules::add);
        }
        assertEquals(List.of(), d.all().stream().filter(Diagnostic::isError).map(Diagnostic::format).limit(10)
                .toList());
        return rules;
    }

    @Test
    void rendersTheWholeDetectionRulesCorpusInBothLanguagesWithoutDiagnostics() throws IOException {
        List<Rule> rules = corpusRules();
        Path out = Path.of("target/docs-corpus");
        Diagnostics d = new Diagnostics();
        DocsWriter.Summary s = new DocsWriter().write(rules, out, BOTH, d);
        assertEquals(List.of(), d.all().stream().map(Diagnostic::format).toList());
        assertEquals(rules.size(), s.rules());
        assertEquals(rules.size() * 4 + 4 + 2, s.files());
        try (Stream<Path> pages = Files.list(out.resolve("zh-CN/rules"))) {
            assertEquals(rules.size() * 2L, pages.count(), "one .md and one .html per rule, no slug collision");
        }
        assertEquals(List.of(), brokenLocalLinks(out.resolve("zh-CN/rules")));
        String index = Files.readString(out.resolve("en/index.html"));
        for (String type : List.of("eql", "query", "new_terms", "esql", "machine_learning", "threshold",
                "threat_match")) {
            assertTrue(index.contains("<option value=\"" + type + "\">"), type);
        }
    }

    /** Links between rule pages (related rules, language switch) point to pages that exist. */
    private static List<String> brokenLocalLinks(Path rulesDir) throws IOException {
        java.util.regex.Pattern href = java.util.regex.Pattern.compile("href=\"([^\":#]+\\.html)\"");
        List<String> broken = new ArrayList<>();
        try (Stream<Path> s = Files.list(rulesDir)) {
            for (Path page : s.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                java.util.regex.Matcher m = href.matcher(Files.readString(page));
                while (m.find()) {
                    if (!Files.exists(page.resolveSibling(m.group(1)).normalize())) {
                        broken.add(page.getFileName() + " -> " + m.group(1));
                    }
                }
            }
        }
        return broken.subList(0, Math.min(10, broken.size()));
    }
}
