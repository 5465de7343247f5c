package dev.rulec.cli;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.NearestName;
import dev.rulec.pipeline.Pipeline;
import dev.rulec.pipeline.PipelineSet;
import dev.rulec.source.RuleLoader;
import dev.rulec.source.sigma.SigmaCompileOptions;
import dev.rulec.source.sigma.SigmaFrontEnd;
import dev.rulec.target.Renderer;
import dev.rulec.target.Target;
import dev.rulec.target.esql.EsqlRenderer;
import dev.rulec.target.kql.KqlFilterMode;
import dev.rulec.target.kql.KqlRenderer;
import dev.rulec.target.lucene.LuceneRenderer;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options every command that reads Sigma shares: target language, KQL filters, pipelines, placeholder values. */
final class SigmaOptionsMixin {

    @Option(names = "--target", paramLabel = "LANG", defaultValue = "kql",
            description = "Query language Sigma rules compile to: kql (default, a KQL query rule), esql, lucene.")
    String target;

    @Option(names = "--kql-filters", paramLabel = "MODE", defaultValue = "dsl",
            description = "With --target kql, a condition KQL cannot express (a regex, a ? wildcard): dsl (default) "
                    + "makes it a Query DSL filter of the rule, which Kibana ANDs onto the query; error refuses the "
                    + "rule, for pure KQL.")
    String kqlFilters;

    @Option(names = "--pipeline", paramLabel = "NAME|FILE",
            description = "Field-mapping pipeline: a built-in name (see 'rulec pipelines') or a YAML file. Repeatable. "
                    + "Names replace the built-ins; files are added to them and win for the same logsource.")
    List<String> pipelines = new ArrayList<>();

    @Option(names = "--values", paramLabel = "FILE",
            description = "YAML values for Sigma 'expand' placeholders (name: [values]).")
    Optional<Path> values = Optional.empty();

    Target target() {
        return Target.fromCliName(target).orElseThrow(() ->
                new UsageException("unknown --target '" + target + "': use kql, esql or lucene"));
    }

    KqlFilterMode kqlFilterMode() {
        return KqlFilterMode.fromCliName(kqlFilters).orElseThrow(() ->
                new UsageException("unknown --kql-filters '" + kqlFilters + "': use dsl or error"));
    }

    static Renderer renderer(Target t, KqlFilterMode kqlFilters) {
        switch (t) {
            case KQL:
                return new KqlRenderer(true, kqlFilters);
            case ESQL:
                return new EsqlRenderer();
            case LUCENE:
                return new LuceneRenderer();
            default:
                throw new IllegalStateException("no renderer for " + t);
        }
    }

    /** The pipelines chosen on the command line; files that cannot be read are diagnostics. */
    PipelineSet pipelineSet(Diagnostics diags) {
        PipelineSet builtIns = PipelineSet.builtIns();
        List<Pipeline> named = new ArrayList<>();
        PipelineSet files = PipelineSet.empty();
        for (String p : pipelines) {
            if (Files.isRegularFile(Path.of(p))) {
                files = files.plus(PipelineSet.load(Path.of(p), diags));
            } else {
                named.add(builtIns.named(p).orElseThrow(() -> new UsageException("unknown pipeline '" + p
                        + "': not a file, and not a built-in pipeline" + NearestName.of(p, builtIns.names())
                        .map(n -> " (did you mean '" + n + "'?)").orElse("") + "; `rulec pipelines` lists the "
                        + builtIns.names().size() + " built-ins")));
            }
        }
        return (named.isEmpty() ? builtIns : PipelineSet.of(named)).plus(files);
    }

    RuleLoader loader(Diagnostics diags) {
        Target t = target();
        SigmaFrontEnd fe = new SigmaFrontEnd(pipelineSet(diags));
        if (values.isPresent()) {
            fe = fe.withPlaceholders(SigmaFrontEnd.loadPlaceholders(values.get(), diags));
        }
        return new RuleLoader(new SigmaCompileOptions(fe, renderer(t, kqlFilterMode())));
    }
}
