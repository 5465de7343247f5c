package dev.rulec.docs;

import java.util.List;
import java.util.Objects;

/** A block of a page section. */
public sealed interface Block {

    record Paragraph(List<Inline> inlines) implements Block {
        public Paragraph {
            inlines = List.copyOf(inlines);
        }
    }

    /** {@code Label: value} lines, as the seed pages show a rule's settings. */
    record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    record Bullets(List<Item> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    record CodeBlock(String language, String code) implements Block {
        public CodeBlock {
            Objects.requireNonNull(language, "language is null");
            Objects.requireNonNull(code, "code is null");
        }
    }

    /** Markdown the rule author wrote (investigation guide, setup): rendered by the writer, headings nested. */
    record Markdown(String source) implements Block {
        public Markdown {
            Objects.requireNonNull(source, "source is null");
        }
    }

    /** A bullet with optional nested bullets. */
    record Item(List<Inline> content, List<Item> children) {
        public Item {
            content = List.copyOf(content);
            children = List.copyOf(children);
        }

        public static Item of(Inline... content) {
            return new Item(List.of(content), List.of());
        }
    }

    /**
     * One setting: a label with an inline value, and/or a list of values (references, tags, authors).
     * A fact with neither shows the "none" text of its language.
     */
    record Fact(String key, String label, List<Inline> value, List<List<Inline>> items) {
        public Fact {
            Objects.requireNonNull(key, "key is null");
            Objects.requireNonNull(label, "label is null");
            value = List.copyOf(value);
            items = items.stream().map(List::copyOf).toList();
        }

        public static Fact scalar(String key, String label, Inline... value) {
            return new Fact(key, label, List.of(value), List.of());
        }
    }
}
