package dev.rulec.docs;

import dev.rulec.model.About;
import dev.rulec.model.Alerting;
import dev.rulec.model.AttackRef;
import dev.rulec.model.Detection;
import dev.rulec.model.Metadata;
import dev.rulec.model.QueryLanguage;
import dev.rulec.model.Rule;
import dev.rulec.model.Schedule;
import dev.rulec.model.Scope;
import dev.rulec.model.Severity;
import dev.rulec.model.Technique;
import dev.rulec.model.Threat;
import dev.rulec.model.Translations;
import dev.rulec.model.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Rules built in code for the docs tests; the ML rule mirrors the seed pages 000 (en) and 001 (zh-CN). */
final class SampleRules {
    private SampleRules() {
    }

    static final String ML_ID = "dca28dee-c999-400f-b640-50a081cc0fd1";

    static Rule mlRule() {
        About about = new About(List.of("Elastic"), Optional.of("Elastic License v2"), List.of(), List.of(
                "New employees based in a country with no earlier AWS activity."),
                List.of("Domain: Cloud", "Data Source: AWS", "Data Source: Amazon Web Services", "Rule Type: ML",
                        "Rule Type: Machine Learning", "Resources: Investigation Guide"),
                Optional.of(EN_NOTE), Optional.of(EN_SETUP),
                List.of(new Threat(Threat.MITRE,
                        new AttackRef("TA0001", "Initial Access", "https://attack.mitre.org/tactics/TA0001/"),
                        List.of(new Technique(new AttackRef("T1078", "Valid Accounts",
                                "https://attack.mitre.org/techniques/T1078/"),
                                List.of(new AttackRef("T1078.004", "Cloud Accounts", "")))))),
                OptionalLong.of(209), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                Value.Obj.empty());
        Translations zh = new Translations(Map.of("zh_CN", new Translations.Text(
                Optional.of("AWS 命令的异常国家/地区"),
                Optional.of("一个机器学习作业检测到 AWS 命令活动,虽然该活动本身并不可疑或异常,但其来源的地理位置(国家/地区)"
                        + "对于该命令来说是不寻常的。"),
                Optional.of(ZH_NOTE), Optional.of(ZH_SETUP), List.of("来自在 AWS 中没有历史记录的国家/地区的新员工。"))));
        return new Rule(ML_ID, "Unusual Country For an AWS Command",
                "A machine learning job detected AWS command activity that, while not inherently suspicious or "
                        + "abnormal, is sourcing from a geolocation (country) that is unusual for the command.",
                Severity.LOW, 21, new Detection.MachineLearning(List.of("rare_method_for_a_country"), false, 50),
                about, new Schedule(Optional.of("15m"), Optional.of("now-2h"), Optional.empty(), OptionalLong.empty()),
                Alerting.defaults(), new Metadata(Optional.of("2020/07/13"), Optional.empty(),
                Optional.of("production"), List.of("aws"), Optional.empty(), Optional.empty(), Optional.empty(),
                Value.Obj.empty()), Value.Obj.empty(), zh);
    }

    /** An EQL rule linked from the ML rule's guide, with another severity, tactic and data source. */
    static Rule eqlRule() {
        About about = About.empty();
        about = new About(List.of("Elastic"), Optional.of("Elastic License v2"),
                List.of("https://example.org/research"), List.of(), List.of("Domain: Endpoint", "OS: Windows",
                "Data Source: Elastic Defend", "Tactic: Execution"), Optional.empty(), Optional.empty(),
                List.of(new Threat(Threat.MITRE, new AttackRef("TA0002", "Execution",
                        "https://attack.mitre.org/tactics/TA0002/"), List.of())),
                OptionalLong.of(3), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                Value.Obj.empty());
        return new Rule("809b70d3-e2c3-455e-af1b-2626a5a1a276", "Unusual City For an AWS Command",
                "Shell started by an `Office` process.", Severity.HIGH, 73,
                new Detection.Eql("process where process.parent.name == \"winword.exe\" and "
                        + "process.name == \"cmd.exe\"", Scope.of(List.of("logs-endpoint.events.process-*")),
                        Optional.empty(), Optional.empty(), Optional.empty()),
                about, new Schedule(Optional.empty(), Optional.of("now-9m"), Optional.empty(), OptionalLong.of(50)),
                Alerting.defaults(), Metadata.empty(), Value.Obj.empty());
    }

    /** An ES|QL rule: indices come from its FROM command. */
    static Rule esqlRule() {
        About about = new About(List.of("rulec"), Optional.empty(), List.of(), List.of(),
                List.of("Domain: Cloud", "Data Source: AWS", "Tactic: Discovery"), Optional.empty(),
                Optional.empty(), List.of(), OptionalLong.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Value.Obj.empty());
        return new Rule("5f1a2c3d-0000-4000-8000-000000000003", "AWS <Discovery> Burst & Spike",
                "Many discovery calls.", Severity.MEDIUM, 47,
                new Detection.Esql("FROM logs-aws.cloudtrail-*, \"filebeat-*\" METADATA _id\n"
                        + "| WHERE event.action LIKE \"List*\"\n| STATS c = COUNT(*) BY user.name\n| WHERE c > 50"),
                about, new Schedule(Optional.of("1h"), Optional.of("now-61m"), Optional.empty(), OptionalLong.empty()),
                Alerting.defaults(), Metadata.empty(), Value.Obj.empty());
    }

    /** A KQL rule with a critical severity and no tags at all. */
    static Rule kqlRule() {
        return new Rule("5f1a2c3d-0000-4000-8000-000000000004", "Critical Query Rule", "Matches a thing.",
                Severity.CRITICAL, 99, new Detection.Query(QueryLanguage.KUERY, "event.action : \"x\"",
                Scope.of(List.of("logs-*")), Optional.empty()),
                About.empty(), Schedule.defaults(), Alerting.defaults(), Metadata.empty(), Value.Obj.empty());
    }

    static List<Rule> all() {
        return List.of(mlRule(), eqlRule(), esqlRule(), kqlRule());
    }

    static final String EN_NOTE = """
            ## Triage and analysis

            ### Investigating Unusual Country For an AWS Command

            This rule uses a machine learning job to detect an AWS API command that is sourcing from a country that \
            is unusual for the command.

            #### Possible investigation steps

            - Identify the user account involved and the action performed.
            - Examine the user identity in the `aws.cloudtrail.user_identity.arn` field.
              - Do they look normal for the calling user?

            ### False positive analysis

            - New employees based in a country with no earlier history in AWS.

            ### Related Rules

            - Unusual City For an AWS Command - 809b70d3-e2c3-455e-af1b-2626a5a1a276
            - Rare AWS Error Code - 19de8096-e2b0-4bd8-80c9-34a820813fff

            ### Response and remediation

            - Implement security best practices [outlined](https://aws.amazon.com/premiumsupport/knowledge-center/security-best-practices/) by AWS.
            - <script>alert(1)</script> stays text.
            """;

    static final String EN_SETUP = """
            ## Setup

            This rule requires the installation of associated Machine Learning jobs, as well as data coming in from AWS.
            """;

    static final String ZH_NOTE = """
            ## 分类和分析

            ### 调查 AWS 命令的异常国家/地区

            此规则使用机器学习作业来检测 AWS API 命令,其来源的国家/地区对于该命令来说是不寻常的。

            #### 可能的调查步骤

            - 识别涉及的用户帐户以及执行的操作。
            - 检查 `aws.cloudtrail.user_identity.arn` 字段中的用户身份。
              - 对于调用用户来说,它们看起来正常吗?

            ### 误报分析

            - 来自在 AWS 中没有历史记录的国家/地区的新员工。

            ### 相关规则

            - AWS 命令的异常城市 - 809b70d3-e2c3-455e-af1b-2626a5a1a276
            - 罕见的 AWS 错误代码 - 19de8096-e2b0-4bd8-80c9-34a820813fff

            ### 响应和补救

            - 实施 AWS [概述](https://aws.amazon.com/premiumsupport/knowledge-center/security-best-practices/)的安全最佳实践。
            """;

    static final String ZH_SETUP = """
            ## 设置

            此规则需要安装相关的机器学习作业以及来自 AWS 的数据。
            """;
}
