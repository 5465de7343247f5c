package dev.rulec.source.sigma.yaml;

import dev.rulec.diag.SourcePos;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a YAML stream (one or more documents) with SnakeYAML's composer in safe mode, into {@link YNode}s that keep
 * the line and column of every value. Only the node graph is built (no Java objects are constructed from tags), the
 * limits of {@link YamlLimits} are enforced by SnakeYAML while reading, and the conversion additionally refuses
 * recursive aliases and caps the number of nodes an alias-heavy document may expand to.
 */
public final class YamlReader {

    /** Upper bound on nodes after alias expansion: a rule has a few hundred. */
    private static final int MAX_EXPANDED_NODES = 200_000;

    private final YamlLimits limits;

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
    }

    public List<YNode> readFile(Path file, String displayName) throws YamlException {
        try {
            long size = Files.size(file);
            if (size > 4L * limits.maxCodePoints()) {
                throw new YamlException(SourcePos.startOf(displayName),
                        "file is " + size + " bytes, above the limit of " + limits.maxCodePoints() + " code points");
            }
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return read(r, displayName);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new YamlException(SourcePos.startOf(displayName), "cannot read file: " + e.getMessage());
        }
    }

    public List<YNode> readString(String text, String displayName) throws YamlException {
        return read(new StringReader(text), displayName);
    }

    private List<YNode> read(Reader reader, String file) throws YamlException {
        LoaderOptions opts = new LoaderOptions();
        opts.setMaxAliasesForCollections(limits.maxAliases());
        opts.setNestingDepthLimit(limits.maxDepth());
        opts.setCodePointLimit(limits.maxCodePoints());
        opts.setAllowRecursiveKeys(false);
        opts.setAllowDuplicateKeys(false);
        DumperOptions dump = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(opts), new Representer(dump), dump, opts);
        List<YNode> docs = new ArrayList<>();
        try {
            for (Node n : yaml.composeAll(reader)) {
                if (n == null) {
                    continue;
                }
                docs.add(new Converter(file).convert(n));
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String ctx = e.getContext() != null ? e.getContext() + ": " : "";
            throw new YamlException(pos(file, m), "invalid YAML: " + ctx + oneLine(problem));
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new YamlException(SourcePos.startOf(file), "YAML refused: " + oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new YamlException(SourcePos.startOf(file), "YAML refused: nesting too deep");
        }
        return docs;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    static SourcePos pos(String file, Mark m) {
        return m == null ? SourcePos.startOf(file) : new SourcePos(file, m.getLine() + 1, m.getColumn() + 1);
    }

    /** One conversion: counts expanded nodes and tracks the path to detect recursive aliases. */
    private static final class Converter {
        private final String file;
        private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
        private int count;

        Converter(String file) {
            this.file = file;
        }

        YNode convert(Node n) throws YamlException {
            SourcePos p = pos(file, n.getStartMark());
            if (++count > MAX_EXPANDED_NODES) {
                throw new YamlException(p, "YAML refused: more than " + MAX_EXPANDED_NODES
                        + " nodes after expanding aliases");
            }
            if (n instanceof ScalarNode s) {
                return scalar(s, p);
            }
            if (!onPath.add(n)) {
                throw new YamlException(p, "YAML refused: recursive alias");
            }
            try {
                if (n instanceof SequenceNode seq) {
                    List<YNode> items = new ArrayList<>(seq.getValue().size());
                    for (Node item : seq.getValue()) {
                        items.add(convert(item));
                    }
                    return new YNode.YSeq(items, p);
                }
                MappingNode map = (MappingNode) n;
                Map<String, YNode.Entry> entries = new LinkedHashMap<>();
                for (NodeTuple t : map.getValue()) {
                    SourcePos kp = pos(file, t.getKeyNode().getStartMark());
                    if (!(t.getKeyNode() instanceof ScalarNode k)) {
                        throw new YamlException(kp, "a mapping key must be a plain value, not a collection");
                    }
                    if (k.getTag().equals(Tag.MERGE)) {
                        throw new YamlException(kp, "merge keys (<<) are not supported");
                    }
                    String key = k.getValue();
                    if (entries.containsKey(key)) {
                        throw new YamlException(kp, "duplicate key [" + key + "]");
                    }
                    entries.put(key, new YNode.Entry(key, kp, convert(t.getValueNode())));
                }
                return new YNode.YMap(entries, p);
            } finally {
                onPath.remove(n);
            }
        }

        private YNode scalar(ScalarNode s, SourcePos p) {
            Tag tag = s.getTag();
            YNode.ScalarType type;
            if (tag.equals(Tag.NULL)) {
                type = YNode.ScalarType.NULL;
            } else if (tag.equals(Tag.BOOL)) {
                type = YNode.ScalarType.BOOL;
            } else if (tag.equals(Tag.INT)) {
                type = YNode.ScalarType.INT;
            } else if (tag.equals(Tag.FLOAT)) {
                type = YNode.ScalarType.FLOAT;
            } else {
                type = YNode.ScalarType.STR;
            }
            DumperOptions.ScalarStyle style = s.getScalarStyle();
            boolean quoted = style == DumperOptions.ScalarStyle.SINGLE_QUOTED
                    || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
            boolean flow = quoted || style == DumperOptions.ScalarStyle.PLAIN;
            // Columns inside the text are exact only when the source text is the value itself, on one line.
            boolean oneLine = flow && s.getEndMark() != null
                    && s.getEndMark().getLine() == s.getStartMark().getLine()
                    && s.getEndMark().getColumn() - s.getStartMark().getColumn()
                    == s.getValue().length() + (quoted ? 2 : 0);
            return new YNode.YScalar(s.getValue(), type, p, oneLine, quoted ? 1 : 0);
        }
    }
}
