package dev.rulec.docs;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.model.Rule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Writes the reference pages of {@code rules} into {@code outDir}: per language {@code <lang>/index.{md,html}} and
 * {@code <lang>/rules/<slug>.{md,html}}, plus {@code index.html} choosing the language. Output is deterministic
 * (pages in name order, no timestamps). Everything is written into a staging folder beside {@code outDir} and then
 * moved into place, so a failure leaves the previous output untouched and never a half-written site.
 * {@code outDir} belongs to rulec: an existing folder is replaced only if an earlier run wrote it (marker file).
 */
public final class DocsWriter {
    static final String MARKER = ".rulec-docs";

    /** Where files go; tests substitute one that fails part-way. */
    interface FileSink {
        void write(Path file, String text) throws IOException;
    }

    private final FileSink sink;

    public DocsWriter() {
        this((file, text) -> Files.writeString(file, text, StandardCharsets.UTF_8));
    }

    DocsWriter(FileSink sink) {
        this.sink = sink;
    }

    /** What was written: rule count, languages and files. */
    public record Summary(int rules, List<String> languages, int files) {
        public Summary {
            languages = List.copyOf(languages);
        }
    }

    public Summary write(List<Rule> rules, Path outDir, List<Locale> langs, Diagnostics diags) {
        SourcePos at = SourcePos.startOf(outDir.toString());
        List<DocLanguage> languages = languages(langs, diags, at);
        if (languages.isEmpty() || !outDirUsable(outDir, diags, at)) {
            return new Summary(0, List.of(), 0);
        }
        Path abs = outDir.toAbsolutePath().normalize();
        if (abs.getFileName() == null) {
            diags.error("docs.out", at, "the output folder cannot be a file-system root",
                    "choose a new or empty folder");
            return new Summary(0, List.of(), 0);
        }
        Path staging = abs.resolveSibling("." + abs.getFileName() + ".rulec-staging");
        Path old = abs.resolveSibling("." + abs.getFileName() + ".rulec-old");
        try {
            deleteTree(staging);
            deleteTree(old);
            int files = render(new Catalog(rules), languages, staging);
            swap(staging, abs, old);
            return new Summary(rules.size(), languages.stream().map(DocLanguage::tag).toList(), files);
        } catch (IOException | UncheckedIOException e) {
            String why = e instanceof UncheckedIOException ? e.getCause().getMessage() : e.getMessage();
            diags.error("docs.io", at, "cannot write the documentation: " + why,
                    "check that the folder's parent exists and is writable; the previous output was left as it was");
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // best effort: the staging folder is hidden and replaced by the next run
            }
            return new Summary(0, List.of(), 0);
        }
    }

    /** Renders every page into {@code dir} (which must not exist); returns the number of files. */
    int render(Catalog catalog, List<DocLanguage> languages, Path dir) throws IOException {
        int files = 0;
        for (DocLanguage lang : languages) {
            Messages m = Messages.of(lang);
            PageBuilder builder = new PageBuilder(catalog, m);
            MarkdownWriter md = new MarkdownWriter(m, languages);
            HtmlWriter html = new HtmlWriter(m, languages);
            Path rulesDir = Files.createDirectories(dir.resolve(lang.tag()).resolve("rules"));
            // pages are independent: render and write them in parallel, collect index rows by position
            IndexEntry[] rows = new IndexEntry[catalog.size()];
            IntStream.range(0, catalog.size()).parallel().forEach(i -> {
                RulePage page = builder.page(i);
                rows[i] = page.entry();
                writeUnchecked(rulesDir.resolve(page.slug() + ".md"), md.page(page));
                writeUnchecked(rulesDir.resolve(page.slug() + ".html"), html.page(page));
            });
            // the index lists rules by their name in this language (pinyin order in Chinese), then by slug
            java.text.Collator collator = java.text.Collator.getInstance(lang.locale());
            List<IndexEntry> entries = Stream.of(rows).sorted(Comparator.<IndexEntry, String>comparing(
                    IndexEntry::title, collator::compare).thenComparing(IndexEntry::slug)).toList();
            files += 2 * rows.length;
            write(dir.resolve(lang.tag()).resolve("index.md"), md.index(entries));
            write(dir.resolve(lang.tag()).resolve("index.html"), html.index(entries));
            files += 2;
        }
        write(dir.resolve("index.html"), rootIndex(languages));
        write(dir.resolve(MARKER), "written by rulec docs; this folder is replaced as a whole on the next run\n");
        return files + 2;
    }

    private static String rootIndex(List<DocLanguage> languages) {
        Messages first = Messages.of(languages.get(0));
        StringBuilder sb = new StringBuilder(Html.head(languages.get(0).tag(), first.get("root.title"),
                Html.asset("site.css")));
        sb.append("<body>\n<main>\n<h1>").append(Html.escape(first.get("root.title"))).append("</h1>\n<ul>\n");
        for (DocLanguage l : languages) {
            sb.append("<li><a hreflang=\"").append(l.tag()).append("\" href=\"").append(l.tag())
                    .append("/index.html\">").append(Html.escape(Messages.of(l).get("index.title")))
                    .append("</a> (").append(Html.escape(first.get("lang." + l.tag()))).append(")</li>\n");
        }
        return sb.append("</ul>\n</main>\n</body>\n</html>\n").toString();
    }

    private static List<DocLanguage> languages(List<Locale> langs, Diagnostics diags, SourcePos at) {
        Set<DocLanguage> out = new LinkedHashSet<>();
        for (Locale l : langs) {
            DocLanguage.of(l).ifPresentOrElse(out::add, () -> diags.error("docs.lang", at,
                    "no pages in language [" + l.toLanguageTag() + "]",
                    "use one of: " + DocLanguage.supported()));
        }
        return List.copyOf(out);
    }

    private static boolean outDirUsable(Path outDir, Diagnostics diags, SourcePos at) {
        if (!Files.exists(outDir)) {
            return true;
        }
        if (!Files.isDirectory(outDir)) {
            diags.error("docs.out", at, "the output path is a file, not a folder", "choose a new or empty folder");
            return false;
        }
        try (Stream<Path> s = Files.list(outDir)) {
            if (s.findAny().isEmpty() || Files.exists(outDir.resolve(MARKER))) {
                return true;
            }
        } catch (IOException e) {
            diags.error("docs.io", at, "cannot read the output folder: " + e.getMessage(), "check its permissions");
            return false;
        }
        diags.error("docs.out", at, "refusing to replace a folder that rulec docs did not write",
                "choose a new or empty folder; rulec replaces its output folder as a whole");
        return false;
    }

    private static void swap(Path staging, Path outDir, Path old) throws IOException {
        boolean hadOld = Files.exists(outDir);
        if (hadOld) {
            move(outDir, old);
        }
        try {
            move(staging, outDir);
        } catch (IOException e) {
            if (hadOld) {
                move(old, outDir);
            }
            throw e;
        }
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private void write(Path file, String text) throws IOException {
        sink.write(file, text);
    }

    private void writeUnchecked(Path file, String text) {
        try {
            sink.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
