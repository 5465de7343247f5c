package dev.rulec.pipeline;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipelines a compilation may use. For a rule, the applicable pipeline with the most specific logsource is
 * chosen; pipelines added later win ties (so a user's file overrides a built-in for the same logsource).
 */
public final class PipelineSet {

    /** The built-in pipeline files, one per data source family, under {@code src/main/resources/pipelines/}. */
    private static final List<String> BUILT_IN_FILES = List.of("generic.yml", "aws-cloudtrail.yml", "windows.yml",
            "windows-sysmon.yml", "windows-sysmon-events.yml", "windows-channels.yml", "linux.yml", "macos.yml",
            "network.yml", "web.yml", "okta.yml", "azure.yml", "gcp.yml", "google-workspace.yml", "github.yml",
            "kubernetes.yml", "rpc-firewall.yml", "m365.yml", "bitbucket.yml", "fortigate.yml");

    private final List<Pipeline> pipelines;

    private PipelineSet(List<Pipeline> pipelines) {
        this.pipelines = List.copyOf(pipelines);
    }

    public static PipelineSet of(List<Pipeline> pipelines) {
        return new PipelineSet(pipelines);
    }

    public static PipelineSet empty() {
        return new PipelineSet(List.of());
    }

    /** Every built-in pipeline. A broken built-in is a bug, so it throws. */
    public static PipelineSet builtIns() {
        List<Pipeline> all = new ArrayList<>();
        for (String f : BUILT_IN_FILES) {
            String res = "/pipelines/" + f;
            try (InputStream in = PipelineSet.class.getResourceAsStream(res)) {
                if (in == null) {
                    throw new IllegalStateException("missing built-in pipeline " + res);
                }
                Diagnostics d = new Diagnostics();
                all.addAll(PipelineLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "pipelines/" + f, d));
                if (d.hasErrors()) {
                    throw new IllegalStateException("broken built-in pipeline: " + d.all());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new PipelineSet(all);
    }

    /** The pipelines of a user's YAML file; problems go into {@code diags}. */
    public static PipelineSet load(Path yaml, Diagnostics diags) {
        try {
            return new PipelineSet(PipelineLoader.parse(Files.readString(yaml), yaml.toString(), diags));
        } catch (IOException e) {
            diags.error("pipeline.io", SourcePos.startOf(yaml.toString()), "cannot read pipeline file: "
                    + e.getMessage(), "");
            return empty();
        }
    }

    public PipelineSet plus(PipelineSet other) {
        List<Pipeline> all = new ArrayList<>(pipelines);
        all.addAll(other.pipelines);
        return new PipelineSet(all);
    }

    /** Only the named pipelines (for {@code --pipeline NAME}). */
    public Optional<Pipeline> named(String name) {
        return pipelines.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return pipelines.stream().map(Pipeline::name).toList();
    }

    public List<Pipeline> all() {
        return pipelines;
    }

    /** The pipeline for a rule's logsource: the first of {@link #candidates}. */
    public Optional<Pipeline> select(Map<String, String> logsource) {
        return candidates(logsource).stream().findFirst();
    }

    /**
     * The pipelines a rule with this logsource may compile with, in the order to try them: the applicable pipeline
     * with the most logsource keys (later ones winning ties), then the applicable pipelines that declare themselves
     * its alternative ({@code alternative_to}), in the order they were added. A rule compiles with the first
     * candidate that maps every field it uses. Alternatives are chosen first only when no other pipeline applies.
     */
    public List<Pipeline> candidates(Map<String, String> logsource) {
        Optional<Pipeline> primary = mostSpecific(logsource, false);
        if (primary.isEmpty()) {
            return mostSpecific(logsource, true).map(List::of).orElse(List.of());
        }
        List<Pipeline> out = new ArrayList<>();
        out.add(primary.get());
        for (Pipeline p : pipelines) {
            if (p.alternativeTo().equals(Optional.of(primary.get().name())) && p.appliesTo(logsource)) {
                out.add(p);
            }
        }
        return out;
    }

    private Optional<Pipeline> mostSpecific(Map<String, String> logsource, boolean alternatives) {
        Pipeline best = null;
        for (Pipeline p : pipelines) {
            if (p.alternativeTo().isPresent() == alternatives && p.appliesTo(logsource)
                    && (best == null || p.logsource().size() >= best.logsource().size())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Placeholder values of every pipeline, later ones overriding earlier ones. */
    public Map<String, List<String>> placeholders() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        pipelines.forEach(p -> out.putAll(p.placeholders()));
        return out;
    }
}
