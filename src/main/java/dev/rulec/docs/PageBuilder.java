package dev.rulec.docs;

import dev.rulec.docs.Block.Fact;
import dev.rulec.docs.Block.Item;
import dev.rulec.model.AttackRef;
import dev.rulec.model.Detection;
import dev.rulec.model.Rule;
import dev.rulec.model.Schedule;
import dev.rulec.model.Technique;
import dev.rulec.model.Threat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Builds the page of one rule in one language: the sections the seed pages show, with labels from the bundle. */
final class PageBuilder {
    private final Catalog catalog;
    private final Messages m;

    PageBuilder(Catalog catalog, Messages m) {
        this.catalog = catalog;
        this.m = m;
    }

    RulePage page(int index) {
        Rule rule = catalog.rule(index);
        Prose prose = Prose.of(rule, m.lang());
        List<Block> intro = new ArrayList<>();
        for (String para : prose.description().strip().split("\\n\\s*\\n")) {
            if (!para.isBlank()) {
                intro.add(new Block.Paragraph(List.of(new Inline.Text(para.strip().replaceAll("\\s*\\n\\s*", " ")))));
            }
        }
        intro.add(new Block.Facts(facts(rule)));
        List<Section> sections = new ArrayList<>();
        DetectionSections.of(rule.detection(), m).forEach(sections::add);
        sections.add(mitre(rule));
        sections.add(related(index));
        sections.add(falsePositives(prose));
        sections.add(markdownSection("guide",
                prose.note().map(n -> TransformText.expand(n, rule.transform(), m))));
        sections.add(markdownSection("setup", prose.setup()));
        return new RulePage(m.lang().tag(), prose.name(), intro, sections, entry(index, rule, prose));
    }

    // --- the settings under the title ------------------------------------------------------------------------

    private List<Fact> facts(Rule rule) {
        List<Fact> f = new ArrayList<>();
        String type = rule.detection().typeName();
        f.add(scalar("ruleType", m.get("value.withCode", ruleTypeLabel(type), type)));
        f.add(indices(rule.detection()));
        f.add(scalar("severity", m.get("severity." + rule.severity().wireName())));
        f.add(scalar("riskScore", m.get("value.number", rule.riskScore())));
        Schedule s = rule.schedule();
        String interval = s.interval().orElse(DateMath.DEFAULT_INTERVAL);
        f.add(scalar("runsEvery", DateMath.interval(interval).map(d -> DurationText.of(d, m)).orElse(interval)));
        f.add(scalar("from", fromText(s.from().orElse(DateMath.DEFAULT_FROM), interval)));
        f.add(scalar("maxAlerts", m.get("value.number", s.maxSignals().orElse(DateMath.DEFAULT_MAX_SIGNALS))));
        f.add(list("references", rule.about().references().stream()
                .map(r -> List.<Inline>of(new Inline.Link(r, r))).toList()));
        f.add(list("tags", rule.about().tags().stream()
                .map(t -> List.<Inline>of(new Inline.Text(TagText.of(t, m)))).toList()));
        f.add(rule.about().version().isPresent()
                ? scalar("version", m.get("value.number", rule.about().version().getAsLong()))
                : none("version"));
        f.add(list("authors", rule.about().author().stream().map(a -> List.<Inline>of(new Inline.Text(a))).toList()));
        f.add(rule.about().license().map(l -> scalar("license", l)).orElse(none("license")));
        f.add(new Fact("ruleId", m.get("label.ruleId"), List.of(new Inline.Code(rule.ruleId())), List.of()));
        return f;
    }

    private String fromText(String from, String interval) {
        Optional<Duration> back = DateMath.beforeNow(from);
        Optional<Duration> every = DateMath.interval(interval);
        if (back.isEmpty() || every.isEmpty()) {
            return m.get("from.raw", from);
        }
        Duration extra = back.get().minus(every.get());
        String lookBack = extra.isNegative() || extra.isZero() ? m.get("value.none") : DurationText.of(extra, m);
        return m.get("from.explained", from, DurationText.of(back.get(), m), lookBack);
    }

    private Fact indices(Detection d) {
        List<String> idx = DetectionSections.indices(d);
        Optional<String> dataView = DetectionSections.dataView(d);
        if (dataView.isPresent() && idx.isEmpty()) {
            return scalar("indices", m.get("indices.dataView", dataView.get()));
        }
        return list("indices", idx.stream().map(i -> List.<Inline>of(new Inline.Code(i))).toList());
    }

    private Fact scalar(String key, String value) {
        return Fact.scalar(key, m.get("label." + key), new Inline.Text(value));
    }

    private Fact list(String key, List<List<Inline>> items) {
        return new Fact(key, m.get("label." + key), List.of(), items);
    }

    private Fact none(String key) {
        return new Fact(key, m.get("label." + key), List.of(), List.of());
    }

    // --- sections ---------------------------------------------------------------------------------------------

    private Section mitre(Rule rule) {
        List<Item> items = new ArrayList<>();
        for (Threat t : rule.about().threat()) {
            List<Item> techniques = new ArrayList<>();
            for (Technique tech : t.techniques()) {
                List<Item> subs = tech.subtechniques().stream()
                        .map(sub -> Item.of(link("mitre.subtechnique", sub, Attack.techniqueUrl(sub.id())))).toList();
                techniques.add(new Item(List.of(link("mitre.technique", tech.ref(),
                        Attack.techniqueUrl(tech.ref().id()))), subs));
            }
            AttackRef tactic = t.tactic();
            String name = tacticName(tactic);
            String url = tactic.reference().isBlank() ? Attack.tacticUrl(tactic.id()) : tactic.reference();
            items.add(new Item(List.of(new Inline.Link(m.get("mitre.tactic", name, tactic.id()), url)), techniques));
        }
        List<Block> blocks = new ArrayList<>();
        if (items.isEmpty()) {
            blocks.add(noneParagraph());
        } else {
            blocks.add(new Block.Paragraph(List.of(new Inline.Text(m.get("mitre.framework", Threat.MITRE)))));
            blocks.add(new Block.Bullets(items));
        }
        return new Section("mitre", m.get("section.mitre"), blocks);
    }

    private Inline link(String key, AttackRef ref, String fallbackUrl) {
        String url = ref.reference().isBlank() ? fallbackUrl : ref.reference();
        return new Inline.Link(m.get(key, ref.name(), ref.id()), url);
    }

    String tacticName(AttackRef tactic) {
        return m.find("tactic." + tactic.id()).orElse(tactic.name());
    }

    private Section related(int index) {
        List<RelatedRules.Ref> refs = catalog.related(index);
        if (refs.isEmpty()) {
            return new Section("related", m.get("section.related"), List.of(noneParagraph()));
        }
        List<Item> items = new ArrayList<>();
        for (RelatedRules.Ref ref : refs) {
            Optional<Integer> target = catalog.find(ref);
            Inline name = target
                    .<Inline>map(t -> new Inline.RuleLink(Prose.of(catalog.rule(t), m.lang()).name(), catalog.slug(t)))
                    .orElse(new Inline.Text(ref.name()));
            List<Inline> content = new ArrayList<>(List.of(name));
            ref.ruleId().ifPresent(id -> content.add(new Inline.Text(m.get("related.idSeparator"))));
            ref.ruleId().ifPresent(id -> content.add(new Inline.Code(id)));
            items.add(new Item(content, List.of()));
        }
        String how = refs.get(0).fromGuide() ? m.get("related.fromGuide") : m.get("related.byTags");
        return new Section("related", m.get("section.related"),
                List.of(new Block.Paragraph(List.of(new Inline.Text(how))), new Block.Bullets(items)));
    }

    private Section falsePositives(Prose prose) {
        List<Block> blocks = prose.falsePositives().isEmpty() ? List.of(noneParagraph()) : List.of(new Block.Bullets(
                prose.falsePositives().stream()
                        .map(fp -> Item.of(new Inline.Text(fp.strip().replaceAll("\\s*\\n\\s*", " ")))).toList()));
        return new Section("falsePositives", m.get("section.falsePositives"), blocks);
    }

    private Section markdownSection(String key, Optional<String> markdown) {
        Block b = markdown.filter(s -> !s.isBlank()).<Block>map(Block.Markdown::new).orElse(noneParagraph());
        return new Section(key, m.get("section." + key), List.of(b));
    }

    private Block noneParagraph() {
        return new Block.Paragraph(List.of(new Inline.Text(m.get("value.none"))));
    }

    private String ruleTypeLabel(String type) {
        return m.get("ruleType." + type);
    }

    // --- index row --------------------------------------------------------------------------------------------

    private IndexEntry entry(int index, Rule rule, Prose prose) {
        String type = rule.detection().typeName();
        Map<String, Facet> tactics = new LinkedHashMap<>();
        for (Threat t : rule.about().threat()) {
            tactics.putIfAbsent(t.tactic().id(), new Facet(t.tactic().id(), tacticName(t.tactic())));
        }
        if (tactics.isEmpty()) {
            for (String tag : rule.about().tags()) {
                TagText.valueOf(tag, "Tactic").ifPresent(v -> tactics.putIfAbsent(Messages.keyOf(v),
                        new Facet(Attack.tacticIdByName(v).orElse(Messages.keyOf(v)),
                                m.find("tactic." + Attack.tacticIdByName(v).orElse("")).orElse(v))));
            }
        }
        Map<String, Facet> sources = new LinkedHashMap<>();
        for (String tag : rule.about().tags()) {
            TagText.valueOf(tag, "Data Source").ifPresent(v -> sources.putIfAbsent(v.toLowerCase(Locale.ROOT),
                    new Facet(v.toLowerCase(Locale.ROOT), v)));
        }
        if (sources.isEmpty()) {
            for (String integration : rule.metadata().integration()) {
                sources.putIfAbsent(integration.toLowerCase(Locale.ROOT),
                        new Facet(integration.toLowerCase(Locale.ROOT), integration));
            }
        }
        return new IndexEntry(catalog.slug(index), rule.ruleId(), prose.name(), rule.name(),
                new Facet(rule.severity().wireName(), m.get("severity." + rule.severity().wireName())),
                rule.riskScore(), new Facet(type, ruleTypeLabel(type)),
                new ArrayList<>(new TreeSet<>(tactics.values())), new ArrayList<>(new TreeSet<>(sources.values())));
    }
}
