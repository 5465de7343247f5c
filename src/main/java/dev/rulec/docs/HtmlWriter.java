package dev.rulec.docs;

import dev.rulec.docs.Block.Fact;
import dev.rulec.docs.Block.Item;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Rule pages and the filterable index as a static site ({@code <lang>/rules/<slug>.html}, {@code <lang>/index.html}):
 * CSS and script inline, no external assets, so the site works offline and from {@code file:}.
 */
final class HtmlWriter {
    private static final List<String> SEVERITY_ORDER = List.of("low", "medium", "high", "critical");
    /** Stand-ins for the live numbers in the count sentence, replaced by elements after escaping. */
    private static final String SHOWN = "\uE000";
    private static final String TOTAL = "\uE001";

    private final Messages m;
    private final List<DocLanguage> langs;
    private final String css;

    HtmlWriter(Messages m, List<DocLanguage> langs) {
        this.m = m;
        this.langs = List.copyOf(langs);
        this.css = Html.asset("site.css");
    }

    String page(RulePage page) {
        StringBuilder sb = new StringBuilder(Html.head(page.lang(), page.title(), css));
        sb.append("<body>\n<nav>").append(nav(page.slug())).append("</nav>\n<main>\n");
        sb.append("<h1>").append(Html.escape(page.title())).append("</h1>\n");
        page.intro().forEach(b -> block(sb, b));
        for (Section s : page.sections()) {
            sb.append("<section id=\"").append(Html.escape(s.key())).append("\">\n<h2>")
                    .append(Html.escape(s.heading())).append("</h2>\n");
            s.blocks().forEach(b -> block(sb, b));
            sb.append("</section>\n");
        }
        return sb.append("</main>\n</body>\n</html>\n").toString();
    }

    private String nav(String slug) {
        StringBuilder sb = new StringBuilder("<a href=\"../index.html\">" + Html.escape(m.get("nav.index")) + "</a>");
        for (DocLanguage l : langs) {
            if (l != m.lang()) {
                sb.append(Html.escape(m.get("nav.separator"))).append("<a hreflang=\"").append(l.tag())
                        .append("\" href=\"../../").append(l.tag()).append("/rules/").append(slug).append(".html\">")
                        .append(Html.escape(m.get("lang." + l.tag()))).append("</a>");
            }
        }
        return sb.toString();
    }

    private void block(StringBuilder sb, Block b) {
        if (b instanceof Block.Paragraph) {
            sb.append("<p>").append(inlines(((Block.Paragraph) b).inlines())).append("</p>\n");
        } else if (b instanceof Block.Facts) {
            sb.append("<ul class=\"facts\">\n");
            for (Fact f : ((Block.Facts) b).facts()) {
                sb.append("<li data-fact=\"").append(Html.escape(f.key())).append("\"><strong>")
                        .append(Html.escape(m.get("fact.label", f.label()))).append("</strong>");
                if (!f.value().isEmpty()) {
                    sb.append(' ').append(inlines(f.value()));
                } else if (f.items().isEmpty()) {
                    sb.append(' ').append(Html.escape(m.get("value.none")));
                }
                if (!f.items().isEmpty()) {
                    sb.append("\n<ul>\n");
                    f.items().forEach(i -> sb.append("<li>").append(inlines(i)).append("</li>\n"));
                    sb.append("</ul>\n");
                }
                sb.append("</li>\n");
            }
            sb.append("</ul>\n");
        } else if (b instanceof Block.Bullets) {
            items(sb, ((Block.Bullets) b).items());
        } else if (b instanceof Block.CodeBlock) {
            Block.CodeBlock c = (Block.CodeBlock) b;
            sb.append("<pre><code class=\"language-").append(Html.escape(c.language())).append("\">")
                    .append(Html.escape(c.code())).append("</code></pre>\n");
        } else if (b instanceof Block.Markdown) {
            sb.append("<div class=\"markdown\">\n").append(MarkdownText.html(((Block.Markdown) b).source(), 3))
                    .append("</div>\n");
        } else {
            throw new IllegalStateException("unknown block " + b);
        }
    }

    private void items(StringBuilder sb, List<Item> items) {
        sb.append("<ul>\n");
        for (Item i : items) {
            sb.append("<li>").append(inlines(i.content()));
            if (!i.children().isEmpty()) {
                sb.append('\n');
                items(sb, i.children());
            }
            sb.append("</li>\n");
        }
        sb.append("</ul>\n");
    }

    private static String inlines(List<Inline> inlines) {
        StringBuilder sb = new StringBuilder();
        for (Inline i : inlines) {
            if (i instanceof Inline.Text) {
                sb.append(Html.escape(((Inline.Text) i).text()));
            } else if (i instanceof Inline.Code) {
                sb.append("<code>").append(Html.escape(((Inline.Code) i).text())).append("</code>");
            } else if (i instanceof Inline.Link) {
                Inline.Link l = (Inline.Link) i;
                sb.append("<a href=\"").append(Html.escape(safeHref(l.href()))).append("\">")
                        .append(Html.escape(l.text())).append("</a>");
            } else if (i instanceof Inline.RuleLink) {
                Inline.RuleLink l = (Inline.RuleLink) i;
                sb.append("<a href=\"").append(Html.escape(l.slug())).append(".html\">")
                        .append(Html.escape(l.text())).append("</a>");
            } else {
                throw new IllegalStateException("unknown inline " + i);
            }
        }
        return sb.toString();
    }

    /** Rule files are input: only web links are kept as links targets; anything else becomes inert. */
    private static String safeHref(String href) {
        String h = href.trim().toLowerCase(java.util.Locale.ROOT);
        return h.startsWith("https://") || h.startsWith("http://") ? href.trim() : "#";
    }

    // --- index ------------------------------------------------------------------------------------------------

    String index(List<IndexEntry> entries) {
        StringBuilder sb = new StringBuilder(Html.head(m.lang().tag(), m.get("index.title"), css));
        sb.append("<body>\n<nav>").append(indexNav()).append("</nav>\n<main>\n<h1>")
                .append(Html.escape(m.get("index.title"))).append("</h1>\n");
        sb.append("<form id=\"filters\" role=\"search\">\n");
        sb.append("<label>").append(Html.escape(m.get("filter.search")))
                .append(" <input id=\"q\" type=\"search\" autocomplete=\"off\"></label>\n");
        select(sb, "severity", m.get("filter.severity"), facets(entries, e -> List.of(e.severity()),
                Comparator.comparingInt(f -> SEVERITY_ORDER.indexOf(f.value()))));
        select(sb, "tactics", m.get("filter.tactic"), facets(entries, IndexEntry::tactics,
                Comparator.<Facet>comparingInt(f -> Attack.tacticOrder(f.value())).thenComparing(byLabel())));
        select(sb, "sources", m.get("filter.dataSource"), facets(entries, IndexEntry::dataSources, byLabel()));
        select(sb, "type", m.get("filter.ruleType"), facets(entries, e -> List.of(e.ruleType()), byLabel()));
        sb.append("</form>\n<p id=\"count\">").append(count(entries.size())).append("</p>\n");
        sb.append("<table id=\"rules\">\n<thead><tr><th>").append(Html.escape(m.get("column.name")))
                .append("</th><th>").append(Html.escape(m.get("column.ruleType")))
                .append("</th><th>").append(Html.escape(m.get("column.severity")))
                .append("</th><th>").append(Html.escape(m.get("column.riskScore")))
                .append("</th><th>").append(Html.escape(m.get("column.tactics")))
                .append("</th></tr></thead>\n<tbody>\n");
        for (IndexEntry e : entries) {
            sb.append("<tr data-name=\"").append(Html.escape(searchText(e)))
                    .append("\" data-severity=\"|").append(Html.escape(e.severity().value()))
                    .append("|\" data-type=\"|").append(Html.escape(e.ruleType().value()))
                    .append("|\" data-tactics=\"").append(Html.escape(joinValues(e.tactics())))
                    .append("\" data-sources=\"").append(Html.escape(joinValues(e.dataSources())))
                    .append("\"><td><a href=\"rules/").append(e.slug()).append(".html\">")
                    .append(Html.escape(e.title())).append("</a></td><td>")
                    .append(Html.escape(e.ruleType().label())).append("</td><td class=\"sev-")
                    .append(Html.escape(e.severity().value())).append("\">")
                    .append(Html.escape(e.severity().label())).append("</td><td class=\"num\">")
                    .append(e.riskScore()).append("</td><td>")
                    .append(Html.escape(m.join(e.tactics().stream().map(Facet::label).toList())))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n<p id=\"empty\" hidden>").append(Html.escape(m.get("index.empty")))
                .append("</p>\n</main>\n<script>\n").append(Html.asset("index.js")).append("</script>\n");
        return sb.append("</body>\n</html>\n").toString();
    }

    private String indexNav() {
        List<String> links = new ArrayList<>();
        for (DocLanguage l : langs) {
            if (l != m.lang()) {
                links.add("<a hreflang=\"" + l.tag() + "\" href=\"../" + l.tag() + "/index.html\">"
                        + Html.escape(m.get("lang." + l.tag())) + "</a>");
            }
        }
        return String.join(Html.escape(m.get("nav.separator")), links);
    }

    private String count(int total) {
        return Html.escape(m.get("index.count", SHOWN, TOTAL))
                .replace(SHOWN, "<span id=\"shown\">" + total + "</span>")
                .replace(TOTAL, "<span id=\"total\">" + total + "</span>");
    }

    private static String searchText(IndexEntry e) {
        return String.join(" ", new TreeSet<>(List.of(e.title(), e.originalName(), e.ruleId())))
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static String joinValues(List<Facet> facets) {
        StringBuilder sb = new StringBuilder("|");
        facets.forEach(f -> sb.append(f.value()).append('|'));
        return sb.toString();
    }

    /** Labels in the language's collation (pinyin order in Chinese); deterministic for a given JDK. */
    private Comparator<Facet> byLabel() {
        java.text.Collator collator = java.text.Collator.getInstance(m.lang().locale());
        return Comparator.<Facet, String>comparing(Facet::label, collator::compare);
    }

    private static List<Facet> facets(List<IndexEntry> entries, Function<IndexEntry, List<Facet>> of,
                                      Comparator<Facet> order) {
        Map<String, Facet> byValue = new TreeMap<>();
        entries.forEach(e -> of.apply(e).forEach(f -> byValue.putIfAbsent(f.value(), f)));
        List<Facet> out = new ArrayList<>(byValue.values());
        out.sort(order.thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private void select(StringBuilder sb, String attr, String label, List<Facet> options) {
        sb.append("<label>").append(Html.escape(label)).append(" <select id=\"f-").append(attr)
                .append("\" data-attr=\"").append(attr).append("\">\n<option value=\"\">")
                .append(Html.escape(m.get("filter.all"))).append("</option>\n");
        for (Facet f : options) {
            sb.append("<option value=\"").append(Html.escape(f.value())).append("\">")
                    .append(Html.escape(f.label())).append("</option>\n");
        }
        sb.append("</select></label>\n");
    }
}
