package dev.rulec.docs;

import java.util.Objects;

/** A run of text on a page: plain, code, or a link. Writers escape it for their format. */
public sealed interface Inline {

    record Text(String text) implements Inline {
        public Text {
            Objects.requireNonNull(text, "text is null");
        }
    }

    record Code(String text) implements Inline {
        public Code {
            Objects.requireNonNull(text, "text is null");
        }
    }

    /** @param href an absolute URL or a path relative to the page */
    record Link(String text, String href) implements Inline {
        public Link {
            Objects.requireNonNull(text, "text is null");
            Objects.requireNonNull(href, "href is null");
        }
    }

    /** A link to another rule's page by slug; each writer adds its own file extension. */
    record RuleLink(String text, String slug) implements Inline {
        public RuleLink {
            Objects.requireNonNull(text, "text is null");
            Objects.requireNonNull(slug, "slug is null");
        }
    }
}
