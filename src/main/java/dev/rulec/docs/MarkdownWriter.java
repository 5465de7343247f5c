package dev.rulec.docs;

import dev.rulec.docs.Block.Fact;
import dev.rulec.docs.Block.Item;

import java.util.List;

/** Rule pages and the index as Markdown ({@code <lang>/rules/<slug>.md}, {@code <lang>/index.md}). */
final class MarkdownWriter {
    private final Messages m;
    private final List<DocLanguage> langs;

    MarkdownWriter(Messages m, List<DocLanguage> langs) {
        this.m = m;
        this.langs = List.copyOf(langs);
    }

    String page(RulePage page) {
        StringBuilder sb = new StringBuilder();
        sb.append(nav(page.slug())).append("\n\n");
        sb.append("# ").append(escape(page.title())).append("\n\n");
        page.intro().forEach(b -> block(sb, b));
        for (Section s : page.sections()) {
            sb.append("## ").append(escape(s.heading())).append("\n\n");
            s.blocks().forEach(b -> block(sb, b));
        }
        return sb.toString().stripTrailing() + "\n";
    }

    String index(List<IndexEntry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(escape(m.get("index.title"))).append("\n\n");
        sb.append(escape(m.get("index.total", entries.size()))).append("\n\n");
        sb.append("| ").append(String.join(" | ", List.of(m.get("column.name"), m.get("column.ruleType"),
                m.get("column.severity"), m.get("column.riskScore"), m.get("column.tactics")))).append(" |\n");
        sb.append("| --- | --- | --- | ---: | --- |\n");
        for (IndexEntry e : entries) {
            sb.append("| [").append(escape(e.title())).append("](rules/").append(e.slug()).append(".md) | ")
                    .append(escape(e.ruleType().label())).append(" | ")
                    .append(escape(e.severity().label())).append(" | ")
                    .append(e.riskScore()).append(" | ")
                    .append(escape(m.join(e.tactics().stream().map(Facet::label).toList()))).append(" |\n");
        }
        return sb.toString();
    }

    private String nav(String slug) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(escape(m.get("nav.index"))).append("](../index.md)");
        for (DocLanguage l : langs) {
            if (l != m.lang()) {
                sb.append(m.get("nav.separator")).append('[').append(escape(m.get("lang." + l.tag())))
                        .append("](../../").append(l.tag()).append("/rules/").append(slug).append(".md)");
            }
        }
        return sb.toString();
    }

    private void block(StringBuilder sb, Block b) {
        if (b instanceof Block.Paragraph) {
            sb.append(inlines(((Block.Paragraph) b).inlines())).append("\n\n");
        } else if (b instanceof Block.Facts) {
            for (Fact f : ((Block.Facts) b).facts()) {
                sb.append("- **").append(escape(m.get("fact.label", f.label()))).append("**");
                if (!f.value().isEmpty()) {
                    sb.append(' ').append(inlines(f.value()));
                } else if (f.items().isEmpty()) {
                    sb.append(' ').append(escape(m.get("value.none")));
                }
                sb.append('\n');
                for (List<Inline> item : f.items()) {
                    sb.append("  - ").append(inlines(item)).append('\n');
                }
            }
            sb.append('\n');
        } else if (b instanceof Block.Bullets) {
            items(sb, ((Block.Bullets) b).items(), "");
            sb.append('\n');
        } else if (b instanceof Block.CodeBlock) {
            Block.CodeBlock c = (Block.CodeBlock) b;
            String fence = "```";
            while (c.code().contains(fence)) {
                fence += "`";
            }
            sb.append(fence).append(c.language()).append('\n').append(c.code()).append('\n').append(fence)
                    .append("\n\n");
        } else if (b instanceof Block.Markdown) {
            sb.append(MarkdownText.markdown(((Block.Markdown) b).source(), 3)).append("\n\n");
        } else {
            throw new IllegalStateException("unknown block " + b);
        }
    }

    private void items(StringBuilder sb, List<Item> items, String indent) {
        for (Item i : items) {
            sb.append(indent).append("- ").append(inlines(i.content())).append('\n');
            items(sb, i.children(), indent + "  ");
        }
    }

    static String inlines(List<Inline> inlines) {
        StringBuilder sb = new StringBuilder();
        for (Inline i : inlines) {
            if (i instanceof Inline.Text) {
                sb.append(escape(((Inline.Text) i).text()));
            } else if (i instanceof Inline.Code) {
                sb.append(code(((Inline.Code) i).text()));
            } else if (i instanceof Inline.Link) {
                Inline.Link l = (Inline.Link) i;
                sb.append('[').append(escape(l.text())).append("](<").append(l.href().replace(">", "%3E"))
                        .append(">)");
            } else if (i instanceof Inline.RuleLink) {
                Inline.RuleLink l = (Inline.RuleLink) i;
                sb.append('[').append(escape(l.text())).append("](").append(l.slug()).append(".md)");
            } else {
                throw new IllegalStateException("unknown inline " + i);
            }
        }
        return sb.toString();
    }

    static String code(String s) {
        String ticks = "`";
        while (s.contains(ticks)) {
            ticks += "`";
        }
        boolean pad = s.startsWith("`") || s.endsWith("`");
        return ticks + (pad ? " " : "") + s + (pad ? " " : "") + ticks;
    }

    /** Backslash-escapes the characters that would start Markdown syntax inside a line. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*[]<>|#".indexOf(c) >= 0 || c == '_' && !intraword(s, i)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** An underscore between two letters or digits never starts emphasis in CommonMark. */
    private static boolean intraword(String s, int i) {
        return i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1))
                && Character.isLetterOrDigit(s.charAt(i + 1));
    }
}
