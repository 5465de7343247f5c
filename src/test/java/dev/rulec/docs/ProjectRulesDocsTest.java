package dev.rulec.docs;

import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Diagnostics;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Rule;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.RuleLoader;
import dev.rulec.source.RuleSet;
import dev.rulec.source.sigma.SigmaCompileOptions;
import dev.rulec.target.kql.KqlRenderer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.rulec.docs.RulePageGoldenTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's own rules ({@code rules/}: TOML rules, Sigma rules and a Sigma correlation) render in both
 * languages without diagnostics, and the machine-learning rule's pages show every section of seeds 000 and 001.
 */
class ProjectRulesDocsTest {

    @Test
    void rendersTheProjectRulesInBothLanguagesAndTheMlPagesShowEverySeedSection() throws IOException {
        Diagnostics read = new Diagnostics();
        RuleLoader loader = new RuleLoader(SigmaCompileOptions.of(new KqlRenderer(), PipelineSet.builtIns()));
        List<Rule> rules = RuleSet.load(List.of(Path.of("rules")), loader, read).rules().stream()
                .map(LoadedRule::rule).toList();
        assertEquals(5, rules.size());
        assertTrue(rules.stream().anyMatch(r -> !r.translations().forLanguage("zh-CN").isEmpty()),
                "the ML rule carries its zh-CN translation");
        assertEquals(List.of(), read.all().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());
        Path out = Path.of("target/docs-project");
        Diagnostics d = new Diagnostics();
        new DocsWriter().write(rules, out, List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-CN")), d);
        assertEquals(List.of(), d.all().stream().map(Diagnostic::format).toList());

        String en = Files.readString(out.resolve("en/rules/unusual-country-for-an-aws-command.md"));
        assertContains(en, "**Rule type:** Machine learning", "**Rule indices:** None", "**Severity:** Low",
                "**Risk score:** 21", "**Runs every:** 15 minutes", "**Searches indices from:** now-2h (Date Math",
                "additional look-back time: 1 hour 45 minutes", "**Maximum alerts per execution:** 100",
                "**References:**", "**Tags:**", "**Version:**", "**Rule authors:**", "**Rule license:**",
                "## Investigation guide", "## Setup", "**Machine learning jobs:**", "**Anomaly score threshold:** 50",
                "## MITRE ATT&CK mapping", "## Related rules");
        String zh = Files.readString(out.resolve("zh-CN/rules/unusual-country-for-an-aws-command.md"));
        assertContains(zh, "# AWS 命令的异常国家/地区", "**规则类型:** 机器学习", "**规则索引:** 无", "**严重性:** 低",
                "**风险评分:** 21", "**运行频率:** 15 分钟", "**搜索索引起始时间:** now-2h (日期数学格式",
                "额外回溯时间:1 小时 45 分钟", "**每次执行的最大告警数:** 100", "**参考:**", "**标签:**",
                "  - 领域:云\n", "**版本:**", "**规则作者:**", "**规则许可证:**", "## 调查指南", "### 分类和分析",
                "## 设置", "此规则需要机器学习作业", "**机器学习作业:**", "**异常分数阈值:** 50", "## 相关规则",
                "战术:初始访问 (TA0001)");
    }
}
