package dev.rulec.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.kibana.KibanaClient;
import dev.rulec.kibana.KibanaRule;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Rule;
import dev.rulec.source.toml.KibanaJsonToml;
import dev.rulec.source.toml.TomlRuleReader;
import dev.rulec.source.toml.TomlRuleWriter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code rulec export}: a space's rules as detection-rules TOML. Each rule is normalized (Kibana's own fields and
 * defaults dropped, the management tag removed), read into the model and written by {@link TomlRuleWriter}, so deploying
 * the exported files changes nothing. Writing files is the caller's job (it names them and writes all or nothing).
 */
public final class Exporter {
    /** One exported rule. */
    public record ExportedRule(String ruleId, Rule rule, String toml) {
        public ExportedRule {
            Objects.requireNonNull(ruleId, "ruleId is null");
            Objects.requireNonNull(rule, "rule is null");
            Objects.requireNonNull(toml, "toml is null");
        }
    }

    private Exporter() {
    }

    /**
     * Every rule of the client's space ({@code managedOnly}: only rules with rulec's tag). A rule the model cannot hold
     * is reported in {@code diags} (at a pseudo file {@code kibana:<rule_id>}) and left out.
     */
    public static List<ExportedRule> export(KibanaClient client, boolean managedOnly, Diagnostics diags) {
        List<ExportedRule> out = new ArrayList<>();
        for (KibanaRule r : client.findAllRules()) {
            if (managedOnly && !ManagedMarker.isManaged(r)) {
                continue;
            }
            toToml(r, diags).ifPresent(out::add);
        }
        return out;
    }

    /** One Kibana rule as a rule file, or empty with diagnostics when the model cannot hold it. */
    public static Optional<ExportedRule> toToml(KibanaRule kibanaRule, Diagnostics diags) {
        ObjectNode body = RuleNormalizer.normalize(kibanaRule.body());
        JsonNode tags = body.get("tags");
        if (tags instanceof ArrayNode arr) {
            for (Iterator<JsonNode> it = arr.iterator(); it.hasNext(); ) {
                if (ManagedMarker.TAG.equals(it.next().asText())) {
                    it.remove();
                }
            }
            if (arr.isEmpty()) {
                body.remove("tags");
            }
        }
        String ruleId = kibanaRule.ruleId();
        String where = "kibana:" + ruleId;
        Diagnostics local = new Diagnostics();
        Optional<LoadedRule> loaded = TomlRuleReader.parse(KibanaJsonToml.rule(body), where, local);
        if (loaded.isEmpty() || local.hasErrors()) {
            diags.addAll(local.all());
            diags.error("export.unsupported", SourcePos.startOf(where), "rule [" + ruleId + "] cannot be exported",
                    "the problems above name the fields rulec's rule model does not hold");
            return Optional.empty();
        }
        return Optional.of(new ExportedRule(ruleId, loaded.get().rule(), TomlRuleWriter.write(loaded.get().rule())));
    }
}
