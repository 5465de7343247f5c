package dev.rulec.docs;

import dev.rulec.model.About;
import dev.rulec.model.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelatedRulesTest {
    @Test
    void readsTheGuidesRelatedRulesSectionOnly() {
        String note = "## Triage\n- not this - 11111111-1111-1111-1111-111111111111\n### Related rules\n\n"
                + "- Alpha Rule - 809b70d3-e2c3-455e-af1b-2626a5a1a276\n* Beta Rule\n### Response\n- Gamma - "
                + "22222222-2222-2222-2222-222222222222\n";
        assertEquals(List.of(
                        new RelatedRules.Ref("Alpha Rule", Optional.of("809b70d3-e2c3-455e-af1b-2626a5a1a276"), true),
                        new RelatedRules.Ref("Beta Rule", Optional.empty(), true)),
                RelatedRules.fromGuide(note));
    }

    @Test
    void fallsBackToRulesSharingRareTags() {
        List<Rule> rules = List.of(
                tagged("a", "Data Source: Okta", "Tactic: Persistence", "Domain: Cloud"),
                tagged("b", "Data Source: Okta", "Tactic: Persistence", "Domain: Cloud"),
                tagged("c", "Domain: Cloud", "Tactic: Persistence"),
                tagged("d", "Domain: Cloud"),
                tagged("e", "Domain: Endpoint"));
        List<List<RelatedRules.Ref>> related = RelatedRules.of(rules);
        assertEquals(List.of("b", "c"), related.get(0).stream().map(RelatedRules.Ref::name).toList());
        assertEquals(List.of(), related.get(4));
    }

    @Test
    void slugsAreAsciiWordsAndUniqueInCatalogueOrder() {
        Catalog c = new Catalog(List.of(tagged("Same Name"), tagged("Same Name"), tagged("中文名称")));
        assertEquals("same-name", c.slug(0));
        assertEquals("same-name-id-same", c.slug(1));
        assertEquals("same-name-id-same-2", new Catalog(List.of(tagged("Same Name"), tagged("Same Name"),
                tagged("Same Name"))).slug(2));
        assertEquals("id-0", c.slug(2).substring(0, 4));
    }

    private static Rule tagged(String name, String... tags) {
        Rule base = SampleRules.kqlRule();
        About a = About.empty();
        a = new About(a.author(), a.license(), a.references(), a.falsePositives(), List.of(tags), a.note(),
                a.setup(), a.threat(), a.version(), a.investigationFields(), a.relatedIntegrations(),
                a.requiredFields(), a.timelineId(), a.timelineTitle(), a.meta());
        return new Rule("id-" + name.replace(' ', '-').toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z-]", "0"), name, "d", base.severity(), 1, base.detection(), a,
                base.schedule(), base.alerting(), base.metadata(), base.transform());
    }
}
