package dev.rulec.source.sigma;

import dev.rulec.diag.Diagnostics;
import dev.rulec.model.About;
import dev.rulec.model.Alerting;
import dev.rulec.model.Detection;
import dev.rulec.model.Metadata;
import dev.rulec.model.Rule;
import dev.rulec.model.Schedule;
import dev.rulec.model.Value;
import dev.rulec.source.sigma.meta.SeverityTable;
import dev.rulec.source.sigma.meta.ThreatMapper;
import dev.rulec.model.Translations;
import dev.rulec.source.sigma.yaml.YNode;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Sigma document's metadata → the target-neutral {@link Rule}: rule_id = the Sigma id, name = title, level →
 * severity and risk score ({@link SeverityTable}), {@code attack.*} tags → threat ({@link ThreatMapper}), other tags,
 * status, dates, references, author, false positives and description kept.
 */
final class RuleAssembler {

    private final ThreatMapper threats = new ThreatMapper(dev.rulec.attack.Attack.bundled());

    Rule assemble(YNode.YMap doc, String id, String title, Detection detection, Schedule schedule, Diagnostics diags)
            throws SigmaException {
        String level = Docs.optString(doc, "level").orElseThrow(() -> new SigmaException("sigma.missing-level",
                doc.pos(), "the rule has no [level]", "add level: one of " + SeverityTable.levels()));
        SeverityTable.Entry sev = SeverityTable.forLevel(level).orElseThrow(() -> new SigmaException(
                "sigma.invalid-level", Docs.posOf(doc, "level"), "unknown level [" + level + "]",
                "use one of " + SeverityTable.levels()));
        String description = Docs.optString(doc, "description").filter(s -> !s.isBlank()).orElse(title);
        ThreatMapper.Result threat = threats.map(Docs.strings(doc, "tags"), Docs.posOf(doc, "tags"), diags);
        List<String> authors = Docs.optString(doc, "author")
                .map(a -> Arrays.stream(a.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        About about = new About(authors, Docs.optString(doc, "license"), Docs.strings(doc, "references"),
                Docs.strings(doc, "falsepositives"), threat.otherTags(), Optional.empty(), Optional.empty(),
                threat.threat(), OptionalLong.empty(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Value.Obj.empty());
        Map<String, Value> other = new LinkedHashMap<>();
        Docs.optString(doc, "status").ifPresent(s -> other.put("sigma_status", new Value.Str(s)));
        other.put("sigma_level", new Value.Str(level));
        Metadata meta = new Metadata(Docs.optString(doc, "date").map(RuleAssembler::isoDate),
                Docs.optString(doc, "modified").map(RuleAssembler::isoDate), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), new Value.Obj(other));
        return new Rule(id, title, description, sev.severity(), sev.riskScore(), detection, about, schedule,
                Alerting.defaults(), meta, Value.Obj.empty()).withTranslations(translations(doc));
    }

    /**
     * The custom {@code translations} attribute: language tag → {@code title}, {@code description},
     * {@code falsepositives}, {@code note}, {@code setup} (docs/translations.md).
     */
    private static Translations translations(YNode.YMap doc) throws SigmaException {
        if (doc.get("translations").isEmpty()) {
            return Translations.none();
        }
        Map<String, Translations.Text> byLanguage = new LinkedHashMap<>();
        YNode.YMap all = Docs.map(doc, "translations");
        for (YNode.Entry e : all.list()) {
            if (!(e.value() instanceof YNode.YMap t)) {
                throw new SigmaException("sigma.translations", e.keyPos(), "translation [" + e.key()
                        + "] must be a mapping", "write title, description, falsepositives, note or setup under it");
            }
            for (YNode.Entry k : t.list()) {
                if (!List.of("title", "description", "falsepositives", "note", "setup").contains(k.key())) {
                    throw new SigmaException("sigma.translations", k.keyPos(), "unknown key [" + k.key()
                            + "] in translation [" + e.key() + "]", "use title, description, falsepositives, note or "
                            + "setup");
                }
            }
            byLanguage.put(e.key(), new Translations.Text(Docs.optString(t, "title"), Docs.optString(t, "description"),
                    Docs.optString(t, "note"), Docs.optString(t, "setup"), Docs.strings(t, "falsepositives")));
        }
        return new Translations(byLanguage);
    }

    /** Sigma writes dates as {@code 2024-01-31} (older rules {@code 2024/01/31}). */
    private static String isoDate(String d) {
        return d.replace('/', '-');
    }
}
