package dev.rulec.lint;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.Severity;
import dev.rulec.diag.SourcePos;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code .rulec-lint.yaml}:
 * <pre>
 * fail-level: warning            # error (default) | warning | note
 * checks:
 *   tag-prefix: off              # shorthand: off | note | warning | error
 *   risk-score-band:
 *     severity: error
 *     exclude: ["rules/_deprecated/**"]
 *   investigation-guide:
 *     enabled: false
 * </pre>
 * Every problem is a {@code lint.config} diagnostic at its line and column; the file is then not used.
 */
public final class LintConfigReader {

    private static final String CODE = "lint.config";

    private final Set<String> knownChecks;
    private final String file;
    private final Diagnostics diags = new Diagnostics();

    private LintConfigReader(Set<String> knownChecks, String file) {
        this.knownChecks = knownChecks;
        this.file = file;
    }

    public static Optional<LintConfig> read(Path path, List<Check> known, Diagnostics out) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            out.error("io.read", SourcePos.startOf(path.toString()), "cannot read lint config: " + e.getMessage(),
                    "check the path given to --config");
            return Optional.empty();
        }
        return parse(text, path.toString(), known, out);
    }

    public static Optional<LintConfig> parse(String text, String fileName, List<Check> known, Diagnostics out) {
        LintConfigReader r = new LintConfigReader(known.stream().map(Check::id).collect(Collectors.toSet()), fileName);
        Optional<LintConfig> config = r.parse(text);
        out.addAll(r.diags.all());
        return r.diags.hasErrors() ? Optional.empty() : config;
    }

    private Optional<LintConfig> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Node root;
        try {
            root = new Yaml(options).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            error(e.getProblemMark(), "invalid YAML: " + e.getProblem(), "fix the YAML syntax at this place");
            return Optional.empty();
        } catch (YAMLException e) {
            diags.error(CODE, SourcePos.startOf(file), "invalid YAML: " + e.getMessage(), "fix the YAML syntax");
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(LintConfig.defaults());
        }
        if (!(root instanceof MappingNode top)) {
            error(root.getStartMark(), "the lint config must be a mapping", "write keys `fail-level` and `checks`");
            return Optional.empty();
        }
        Optional<Severity> failLevel = Optional.empty();
        Map<String, LintConfig.CheckSettings> checks = new LinkedHashMap<>();
        for (NodeTuple t : entries(top)) {
            String key = scalar(t.getKeyNode()).orElse("");
            switch (key) {
                case "fail-level" -> failLevel = severity(t.getValueNode());
                case "checks" -> checks(t.getValueNode(), checks);
                default -> error(t.getKeyNode().getStartMark(), "unknown key [" + key + "]",
                        "use `fail-level` or `checks`");
            }
        }
        return Optional.of(new LintConfig(checks, failLevel));
    }

    private void checks(Node node, Map<String, LintConfig.CheckSettings> out) {
        if (!(node instanceof MappingNode m)) {
            error(node.getStartMark(), "`checks` must map check ids to settings", "write `checks:` then `  <id>: off`");
            return;
        }
        for (NodeTuple t : entries(m)) {
            String id = scalar(t.getKeyNode()).orElse("");
            if (!knownChecks.contains(id)) {
                error(t.getKeyNode().getStartMark(), "unknown check [" + id + "]",
                        "known checks: " + knownChecks.stream().sorted().collect(Collectors.joining(", ")));
                continue;
            }
            settings(t.getValueNode()).ifPresent(s -> out.put(id, s));
        }
    }

    private Optional<LintConfig.CheckSettings> settings(Node node) {
        if (node instanceof ScalarNode s) {
            if (s.getValue().equals("off")) {
                return Optional.of(new LintConfig.CheckSettings(Optional.of(false), Optional.empty(), List.of()));
            }
            return severity(s).map(sev -> new LintConfig.CheckSettings(Optional.empty(), Optional.of(sev), List.of()));
        }
        if (!(node instanceof MappingNode m)) {
            error(node.getStartMark(), "check settings must be `off`, a severity or a mapping",
                    "write `enabled`, `severity` and `exclude` keys");
            return Optional.empty();
        }
        Optional<Boolean> enabled = Optional.empty();
        Optional<Severity> severity = Optional.empty();
        List<String> exclude = new ArrayList<>();
        for (NodeTuple t : entries(m)) {
            String key = scalar(t.getKeyNode()).orElse("");
            Node v = t.getValueNode();
            switch (key) {
                case "enabled" -> enabled = bool(v);
                case "severity" -> severity = severity(v);
                case "exclude" -> exclude.addAll(globs(v));
                default -> error(t.getKeyNode().getStartMark(), "unknown key [" + key + "]",
                        "use `enabled`, `severity` or `exclude`");
            }
        }
        return Optional.of(new LintConfig.CheckSettings(enabled, severity, exclude));
    }

    private List<String> globs(Node v) {
        List<Node> items = v instanceof SequenceNode s ? s.getValue() : List.of(v);
        List<String> out = new ArrayList<>();
        for (Node n : items) {
            Optional<String> g = scalar(n);
            if (g.isEmpty() || g.get().isEmpty()) {
                error(n.getStartMark(), "`exclude` takes glob strings", "write exclude: [\"rules/_deprecated/**\"]");
                continue;
            }
            Optional<String> problem = PathGlobs.problem(g.get());
            if (problem.isPresent()) {
                error(n.getStartMark(), "invalid glob [" + g.get() + "]: " + problem.get(), "fix the glob");
            } else {
                out.add(g.get());
            }
        }
        return out;
    }

    private Optional<Boolean> bool(Node v) {
        Optional<String> s = scalar(v);
        if (s.isPresent() && (s.get().equals("true") || s.get().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(s.get()));
        }
        error(v.getStartMark(), "`enabled` must be true or false", "write enabled: false");
        return Optional.empty();
    }

    private Optional<Severity> severity(Node v) {
        Optional<String> s = scalar(v).map(x -> x.toLowerCase(Locale.ROOT));
        for (Severity sev : Severity.values()) {
            if (s.isPresent() && sev.label().equals(s.get())) {
                return Optional.of(sev);
            }
        }
        error(v.getStartMark(), "unknown severity [" + scalar(v).orElse("") + "]", "use note, warning or error");
        return Optional.empty();
    }

    /** The mapping's entries; a key written twice is reported (SnakeYAML's compose step does not check). */
    private List<NodeTuple> entries(MappingNode m) {
        Set<String> seen = new java.util.HashSet<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode()).orElse("");
            if (!seen.add(key)) {
                error(t.getKeyNode().getStartMark(), "key [" + key + "] is written twice", "keep one of them");
            }
        }
        return m.getValue();
    }

    private static Optional<String> scalar(Node n) {
        return n instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }

    private void error(Mark mark, String message, String hint) {
        SourcePos pos = mark == null ? SourcePos.startOf(file)
                : SourcePos.startOf(file).at(mark.getLine() + 1, mark.getColumn() + 1);
        diags.error(CODE, pos, message, hint);
    }
}
