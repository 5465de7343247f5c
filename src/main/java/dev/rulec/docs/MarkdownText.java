package dev.rulec.docs;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.markdown.MarkdownRenderer;

import java.util.List;

/**
 * A rule author's Markdown (investigation guide, setup), parsed with commonmark and rendered to HTML or back to
 * Markdown, its headings moved down so that they nest under the page's section heading. Raw HTML in the source is
 * escaped and unsafe link schemes dropped: pages must not run what a rule file carries.
 */
final class MarkdownText {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final MarkdownRenderer MARKDOWN = MarkdownRenderer.builder().extensions(EXTENSIONS).build();

    private MarkdownText() {
    }

    /** @param topLevel the level the source's shallowest heading gets (e.g. 3 under a {@code ##} section) */
    static String html(String source, int topLevel) {
        return HTML.render(nest(PARSER.parse(source), topLevel));
    }

    static String markdown(String source, int topLevel) {
        return MARKDOWN.render(nest(PARSER.parse(source), topLevel)).strip();
    }

    private static Node nest(Node doc, int topLevel) {
        int[] min = {7};
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading h) {
                min[0] = Math.min(min[0], h.getLevel());
                visitChildren(h);
            }
        });
        int shift = min[0] == 7 ? 0 : topLevel - min[0];
        if (shift != 0) {
            doc.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading h) {
                    h.setLevel(Math.max(1, Math.min(6, h.getLevel() + shift)));
                    visitChildren(h);
                }
            });
        }
        return doc;
    }
}
