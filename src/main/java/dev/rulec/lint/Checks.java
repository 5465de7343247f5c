package dev.rulec.lint;

import dev.rulec.lint.checks.DateOrder;
import dev.rulec.lint.checks.DuplicateQuery;
import dev.rulec.lint.checks.InvestigationGuide;
import dev.rulec.lint.checks.InvestigationGuideTag;
import dev.rulec.lint.checks.KqlOptimized;
import dev.rulec.lint.checks.LookbackCoversInterval;
import dev.rulec.lint.checks.MaxSignalsDefault;
import dev.rulec.lint.checks.MaxSignalsRange;
import dev.rulec.lint.checks.MitreIdExists;
import dev.rulec.lint.checks.MitreNameMatches;
import dev.rulec.lint.checks.MitreReferenceUrl;
import dev.rulec.lint.checks.MitreTechniqueTactic;
import dev.rulec.lint.checks.NewTermsHistoryWindow;
import dev.rulec.lint.checks.RiskScoreBand;
import dev.rulec.lint.checks.RuleIdFormat;
import dev.rulec.lint.checks.SchemaFields;
import dev.rulec.lint.checks.SigmaDanglingDetection;
import dev.rulec.lint.checks.SigmaLevel;
import dev.rulec.lint.checks.SigmaLogsource;
import dev.rulec.lint.checks.SigmaStatus;
import dev.rulec.lint.checks.SigmaTitle;
import dev.rulec.lint.checks.SigmaWildcardModifier;
import dev.rulec.lint.checks.TacticTag;
import dev.rulec.lint.checks.TagPrefix;
import dev.rulec.lint.checks.UniqueName;
import dev.rulec.lint.checks.UniqueRuleId;

import java.util.List;
import java.util.Optional;

/** The table of every lint check, alphabetical by id (a test keeps it so, and requires a test per check). */
public final class Checks {

    private static final List<Check> ALL = List.of(
            new DateOrder(),
            new DuplicateQuery(),
            new InvestigationGuide(),
            new InvestigationGuideTag(),
            new KqlOptimized(),
            new LookbackCoversInterval(),
            new MaxSignalsDefault(),
            new MaxSignalsRange(),
            new MitreIdExists(),
            new MitreNameMatches(),
            new MitreReferenceUrl(),
            new MitreTechniqueTactic(),
            new NewTermsHistoryWindow(),
            new RiskScoreBand(),
            new RuleIdFormat(),
            new SchemaFields(),
            new SigmaDanglingDetection(),
            new SigmaLevel(),
            new SigmaLogsource(),
            new SigmaStatus(),
            new SigmaTitle(),
            new SigmaWildcardModifier(),
            new TacticTag(),
            new TagPrefix(),
            new UniqueName(),
            new UniqueRuleId());

    private Checks() {
    }

    public static List<Check> all() {
        return ALL;
    }

    public static Optional<Check> byId(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
