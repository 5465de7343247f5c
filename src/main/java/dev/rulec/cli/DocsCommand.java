package dev.rulec.cli;

import dev.rulec.diag.Diagnostics;
import dev.rulec.docs.DocsWriter;
import dev.rulec.model.LoadedRule;
import dev.rulec.model.Rule;
import dev.rulec.source.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rulec docs}: one reference page per rule and an index, as Markdown and an offline HTML site. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write rule reference pages (Markdown and HTML, with a filterable index) in one or more "
                + "languages.",
        footer = {"", "Examples:", "  rulec docs --out build/docs rules/",
                "  rulec docs --out build/docs --lang en --lang zh-CN rules/"})
final class DocsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SigmaOptionsMixin sigma;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Rule files or folders.")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Output folder; replaced whole, and only if rulec wrote it before or it is empty.")
    Path out;

    @Option(names = "--lang", paramLabel = "LANG", description = "en (default) or zh-CN; repeatable.")
    List<String> langs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diags = new Diagnostics();
        List<Rule> rules = RuleSet.load(paths, sigma.loader(diags), diags).rules().stream()
                .map(LoadedRule::rule).toList();
        List<Locale> locales = (langs.isEmpty() ? List.of("en") : langs).stream().map(Locale::forLanguageTag)
                .toList();
        DocsWriter.Summary s = new DocsWriter().write(rules, out, locales, diags);
        DiagnosticPrinter.print(diags.all(), err);
        err.printf(Locale.ROOT, "rulec: %d rule pages in %s; %d files written to %s%n", s.rules(),
                String.join(", ", s.languages()), s.files(), out);
        return (diags.hasErrors() ? ExitCode.FINDINGS : ExitCode.OK).code();
    }
}
