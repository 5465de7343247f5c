package dev.rulec.docs;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.model.Detection;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.Rule;
import dev.rulec.model.Scope;
import dev.rulec.model.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.rulec.docs.RulePageGoldenTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocsWriterTest {
    private static final List<Locale> BOTH = List.of(Locale.forLanguageTag("en"), Locale.forLanguageTag("zh-CN"));

    @TempDir
    Path tmp;

    @Test
    void writesPagesAndIndexPerLanguage() throws IOException {
        Diagnostics d = new Diagnostics();
        DocsWriter.Summary s = new DocsWriter().write(SampleRules.all(), tmp.resolve("site"), BOTH, d);
        assertTrue(d.isEmpty(), () -> d.all().toString());
        assertEquals(new DocsWriter.Summary(4, List.of("en", "zh-CN"), 4 * 2 * 2 + 2 * 2 + 2), s);
        Path site = tmp.resolve("site");
        for (String f : List.of("index.html", "en/index.html", "en/index.md", "zh-CN/index.html",
                "en/rules/unusual-country-for-an-aws-command.html", "zh-CN/rules/aws-discovery-burst-spike.md")) {
            assertTrue(Files.isRegularFile(site.resolve(f)), f);
        }
        String zhIndex = Files.readString(site.resolve("zh-CN/index.html"));
        assertContains(zhIndex, "<option value=\"low\">低</option>", "<option value=\"TA0001\">初始访问</option>",
                "<option value=\"aws\">AWS</option>", "<option value=\"machine_learning\">机器学习</option>",
                "AWS 命令的异常国家/地区", "显示 <span id=\"total\">4</span> 条规则中的 <span id=\"shown\">4</span> 条");
        String esql = Files.readString(site.resolve("en/rules/aws-discovery-burst-spike.html"));
        assertContains(esql, "<title>AWS &lt;Discovery&gt; Burst &amp; Spike</title>",
                "<li><code>logs-aws.cloudtrail-*</code></li>\n<li><code>filebeat-*</code></li>",
                "<strong>Runs every:</strong> 1 hour",
                "now-61m (Date Math format: 1 hour 1 minute before the run; additional look-back time: 1 minute)");
        assertFalse(Files.list(tmp).anyMatch(p -> p.getFileName().toString().startsWith(".")),
                "no staging folder left behind");
    }

    @Test
    void aRulePageShowsTheQueryDslOfEachEnabledFilterUnderTheQuery() throws IOException {
        Value.Obj regexp = new Value.Obj(Map.of("regexp", new Value.Obj(Map.of("process.command_line",
                new Value.Obj(Map.of("value", new Value.Str(".*-enc.*")))))));
        Value.Obj filter = new Value.Obj(Map.of("meta", new Value.Obj(Map.of("alias",
                new Value.Str("Sigma condition on process.command_line"), "type", new Value.Str("custom"))), "query", regexp));
        Value.Obj disabled = new Value.Obj(Map.of("meta", new Value.Obj(Map.of("disabled", new Value.Bool(true))),
                "query", new Value.Obj(Map.of("match_none", Value.Obj.empty()))));
        Rule rule = SampleRules.kqlRule().withDetection(new Detection.Query(QueryLanguage.KUERY, "event.category:process",
                new Scope(List.of("logs-*"), Optional.empty(), new Value.Arr(List.of(filter, disabled))), Optional.empty()));
        Path site = tmp.resolve("site");
        new DocsWriter().write(List.of(rule), site, BOTH, new Diagnostics());
        String md = Files.readString(site.resolve("en/rules/critical-query-rule.md"));
        assertContains(md, "```kuery\nevent.category:process\n```",
                "Filter (Query DSL; Kibana ANDs it onto the query): Sigma condition on process.command_line",
                "\"regexp\" : {\n    \"process.command_line\" : {\n      \"value\" : \".*-enc.*\"");
        assertFalse(md.contains("match_none"), "a disabled filter takes no part in the search");
        assertContains(Files.readString(site.resolve("zh-CN/rules/critical-query-rule.md")),
                "过滤器（Query DSL，Kibana 将其与查询进行 AND 组合）：Sigma condition on process.command_line");
    }

    @Test
    void writesTheIndexInEachLanguageAsGolden() throws IOException {
        Path site = tmp.resolve("site");
        new DocsWriter().write(SampleRules.all(), site, BOTH, new Diagnostics());
        Golden.assertMatches("index.en.md", Files.readString(site.resolve("en/index.md")));
        Golden.assertMatches("index.zh-CN.md", Files.readString(site.resolve("zh-CN/index.md")));
    }

    @Test
    void writesTheSameBytesTwiceWhateverTheInputOrder() throws IOException {
        Diagnostics d = new Diagnostics();
        new DocsWriter().write(SampleRules.all(), tmp.resolve("a"), BOTH, d);
        new DocsWriter().write(List.of(SampleRules.kqlRule(), SampleRules.esqlRule(), SampleRules.mlRule(),
                SampleRules.eqlRule()), tmp.resolve("b"), BOTH, d);
        assertEquals(contents(tmp.resolve("a")), contents(tmp.resolve("b")));
    }

    @Test
    void replacesItsOwnEarlierOutputAsAWhole() throws IOException {
        Diagnostics d = new Diagnostics();
        Path site = tmp.resolve("site");
        new DocsWriter().write(SampleRules.all(), site, BOTH, d);
        new DocsWriter().write(List.of(SampleRules.kqlRule()), site, List.of(Locale.ENGLISH), d);
        assertTrue(d.isEmpty(), () -> d.all().toString());
        assertFalse(Files.exists(site.resolve("zh-CN")), "the earlier language is gone");
        try (Stream<Path> pages = Files.list(site.resolve("en/rules"))) {
            assertEquals(2, pages.count());
        }
    }

    @Test
    void refusesToReplaceAFolderItDidNotWrite() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        Diagnostics d = new Diagnostics();
        DocsWriter.Summary s = new DocsWriter().write(SampleRules.all(), mine, BOTH, d);
        assertEquals(0, s.files());
        Diagnostic e = d.all().get(0);
        assertEquals("docs.out", e.code());
        assertEquals("refusing to replace a folder that rulec docs did not write", e.message());
        assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
    }

    @Test
    void reportsAnUnsupportedLanguageAndWritesTheOthers() {
        Diagnostics d = new Diagnostics();
        DocsWriter.Summary s = new DocsWriter().write(SampleRules.all(), tmp.resolve("site"),
                List.of(Locale.FRENCH, Locale.ENGLISH), d);
        assertEquals(List.of("en"), s.languages());
        assertEquals(List.of("docs.lang"), d.all().stream().map(Diagnostic::code).toList());
        assertEquals("no pages in language [fr] (use one of: en, zh-CN) [docs.lang]",
                d.all().get(0).format().substring(d.all().get(0).format().indexOf("no pages")));
    }

    @Test
    void leavesThePreviousOutputWhenWritingFails() throws IOException {
        Diagnostics d = new Diagnostics();
        Path site = tmp.resolve("site");
        new DocsWriter().write(SampleRules.all(), site, BOTH, d);
        Map<String, String> before = contents(site);
        int[] left = {5};
        DocsWriter failing = new DocsWriter((file, text) -> {
            if (left[0]-- == 0) {
                throw new IOException("disk full");
            }
            Files.writeString(file, text);
        });
        failing.write(List.of(SampleRules.kqlRule()), site, BOTH, d);
        assertEquals(List.of("docs.io"), d.all().stream().map(Diagnostic::code).toList());
        assertEquals(before, contents(site));
        assertEquals("cannot write the documentation: disk full", d.all().get(0).message());
        assertFalse(Files.exists(tmp.resolve(".site.rulec-staging")), "staging folder removed");
    }

    static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
