package dev.rulec.docs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulePageGoldenTest {
    private static final List<DocLanguage> LANGS = List.of(DocLanguage.EN, DocLanguage.ZH_CN);

    private static RulePage mlPage(DocLanguage lang) {
        Catalog catalog = new Catalog(SampleRules.all());
        for (int i = 0; i < catalog.size(); i++) {
            if (catalog.rule(i).ruleId().equals(SampleRules.ML_ID)) {
                return new PageBuilder(catalog, Messages.of(lang)).page(i);
            }
        }
        throw new AssertionError("ML rule not in catalogue");
    }

    private static String markdown(DocLanguage lang) {
        return new MarkdownWriter(Messages.of(lang), LANGS).page(mlPage(lang));
    }

    private static String html(DocLanguage lang) {
        return new HtmlWriter(Messages.of(lang), LANGS).page(mlPage(lang));
    }

    @Test
    void rendersMachineLearningPageInEnglishAsGolden() throws Exception {
        Golden.assertMatches("ml-rule.en.md", markdown(DocLanguage.EN));
        Golden.assertMatches("ml-rule.en.html", html(DocLanguage.EN));
    }

    @Test
    void rendersMachineLearningPageInChineseAsGolden() throws Exception {
        Golden.assertMatches("ml-rule.zh-CN.md", markdown(DocLanguage.ZH_CN));
        Golden.assertMatches("ml-rule.zh-CN.html", html(DocLanguage.ZH_CN));
    }

    /** Every label seed 000 shows, with the same wording, plus the values it shows. */
    @Test
    void englishPageShowsEverySectionOfSeed000() {
        String md = markdown(DocLanguage.EN);
        assertContains(md, "# Unusual Country For an AWS Command", "A machine learning job detected",
                "**Rule type:** Machine learning (machine_learning)", "**Rule indices:** None",
                "**Severity:** Low", "**Risk score:** 21", "**Runs every:** 15 minutes",
                "**Searches indices from:** now-2h (Date Math format: 2 hours before the run; "
                        + "additional look-back time: 1 hour 45 minutes)",
                "**Maximum alerts per execution:** 100", "**References:** None", "**Tags:**\n  - Domain: Cloud",
                "**Version:** 209", "**Rule authors:**\n  - Elastic", "**Rule license:** Elastic License v2",
                "## Investigation guide", "### Triage and analysis", "## Setup",
                "**Machine learning jobs:**\n  - `rare_method_for_a_country`", "**Anomaly score threshold:** 50",
                "## MITRE ATT&CK mapping", "[Tactic: Initial Access (TA0001)](<https://attack.mitre.org/tactics/TA0001/>)",
                "[Sub-technique: Cloud Accounts (T1078.004)](<https://attack.mitre.org/techniques/T1078/004/>)",
                "## Related rules", "[Unusual City For an AWS Command](unusual-city-for-an-aws-command.md)");
    }

    /** Every label seed 001 shows, with the same meaning (mostly the same words), and the translated prose. */
    @Test
    void chinesePageShowsEverySectionOfSeed001() {
        String md = markdown(DocLanguage.ZH_CN);
        assertContains(md, "# AWS 命令的异常国家/地区", "一个机器学习作业检测到 AWS 命令活动",
                "**规则类型:** 机器学习 (machine_learning)", "**规则索引:** 无", "**严重性:** 低",
                "**风险评分:** 21", "**运行频率:** 15 分钟",
                "**搜索索引起始时间:** now-2h (日期数学格式:每次运行前 2 小时;额外回溯时间:1 小时 45 分钟)",
                "**每次执行的最大告警数:** 100", "**参考:** 无",
                "  - 领域:云\n  - 数据源:AWS\n  - 数据源:Amazon Web Services\n  - 规则类型:ML\n  - 规则类型:机器学习\n"
                        + "  - 资源:调查指南",
                "**版本:** 209", "**规则作者:**\n  - Elastic", "**规则许可证:** Elastic License v2",
                "## 调查指南", "### 分类和分析", "## 设置", "此规则需要安装相关的机器学习作业",
                "**机器学习作业:**", "**异常分数阈值:** 50", "## 相关规则", "战术:初始访问 (TA0001)");
    }

    @Test
    void escapesRawHtmlFromTheGuide() {
        String html = html(DocLanguage.EN);
        assertFalse(html.contains("<script>alert"), html);
        assertContains(html, "&lt;script&gt;alert(1)");
    }

    static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), () -> "missing [" + p + "] in:\n" + text);
        }
    }
}
