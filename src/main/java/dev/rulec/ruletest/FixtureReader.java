package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a fixture file (YAML, or JSON which is YAML too). Problems become diagnostics with the file, line and column;
 * a fixture with an error is not returned.
 */
public final class FixtureReader {
    private FixtureReader() {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("rule", "now", "rule_window", "history_window_start", "events",
            "alerts", "description");
    private static final int MAX_REPEAT = 1_000_000;

    /** Whether a YAML/JSON file is a fixture (its top level has {@code events}) rather than a Sigma rule. */
    public static boolean isFixture(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node n = yaml().compose(r);
            return n instanceof MappingNode m && m.getValue().stream()
                    .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("events"));
        } catch (IOException | YAMLException e) {
            return false;
        }
    }

    public static Optional<Fixture> read(Path file, Diagnostics diags) {
        String name = file.toString();
        Node root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = yaml().compose(r);
        } catch (MarkedYAMLException e) {
            var m = e.getProblemMark();
            diags.error("fixture.yaml", new SourcePos(name, m.getLine() + 1, m.getColumn() + 1),
                    "not valid YAML: " + e.getProblem(), "fix the YAML syntax");
            return Optional.empty();
        } catch (IOException | YAMLException e) {
            diags.error("fixture.read", SourcePos.startOf(name), "cannot read the fixture: " + e.getMessage(), "");
            return Optional.empty();
        }
        long before = diags.errorCount();
        Ctx c = new Ctx(name, file, diags);
        if (!(root instanceof MappingNode top)) {
            diags.error("fixture.shape", SourcePos.startOf(name), "a fixture must be a mapping",
                    "write `rule:`, `events:` and optionally `alerts:` at the top level");
            return Optional.empty();
        }
        Map<String, Node> keys = c.mapping(top);
        for (String k : keys.keySet()) {
            if (!KEYS.contains(k)) {
                diags.error("fixture.unknown-key", c.pos(keys.get(k)), "unknown key `" + k + "`",
                        "use one of " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        Optional<String> rule = c.string(keys, "rule");
        if (rule.isEmpty()) {
            diags.error("fixture.rule", SourcePos.startOf(name), "the fixture names no rule",
                    "add `rule: <rule_id>` or `rule: <path of the rule file>`");
        }
        Optional<String> from = Optional.empty();
        Optional<String> to = Optional.empty();
        if (keys.containsKey("rule_window")) {
            Node w = keys.get("rule_window");
            if (w instanceof MappingNode wm) {
                Map<String, Node> wk = c.mapping(wm);
                from = c.time(wk, "from");
                to = c.time(wk, "to");
            } else {
                diags.error("fixture.window", c.pos(w), "`rule_window` must be a mapping",
                        "write `rule_window: {from: now-1h, to: now}`");
            }
        }
        Optional<String> now = c.string(keys, "now");
        now.ifPresent(n -> {
            if (TimeMath.instant(n, java.time.Instant.EPOCH).isEmpty()) {
                diags.error("fixture.now", c.pos(keys.get("now")), "`now` is not an ISO-8601 instant: " + n,
                        "write e.g. `now: 2026-01-31T12:00:00Z`");
            }
        });
        Optional<String> history = c.time(keys, "history_window_start");
        List<Fixture.Event> events = c.events(keys.get("events"));
        Optional<List<Fixture.ExpectedAlert>> alerts = keys.containsKey("alerts")
                ? Optional.of(c.alerts(keys.get("alerts"))) : Optional.empty();
        if (diags.errorCount() > before || rule.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Fixture(SourcePos.startOf(name), rule.get(), now, from, to, history, events, alerts));
    }

    private static Yaml yaml() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(10);
        o.setAllowDuplicateKeys(false);
        o.setCodePointLimit(64 * 1024 * 1024);
        return new Yaml(o);
    }

    private static final class Ctx {
        final String name;
        final Path file;
        final Diagnostics diags;

        Ctx(String name, Path file, Diagnostics diags) {
            this.name = name;
            this.file = file;
            this.diags = diags;
        }

        SourcePos pos(Node n) {
            return new SourcePos(name, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
        }

        Map<String, Node> mapping(MappingNode m) {
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.put(k.getValue(), t.getValueNode());
                } else {
                    diags.error("fixture.key", pos(t.getKeyNode()), "keys must be plain strings", "");
                }
            }
            return out;
        }

        Optional<String> string(Map<String, Node> keys, String key) {
            Node n = keys.get(key);
            if (n == null) {
                return Optional.empty();
            }
            if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                return Optional.of(s.getValue());
            }
            diags.error("fixture.type", pos(n), "`" + key + "` must be a string", "");
            return Optional.empty();
        }

        Optional<String> time(Map<String, Node> keys, String key) {
            Optional<String> s = string(keys, key);
            s.ifPresent(v -> {
                if (TimeMath.instant(v, java.time.Instant.EPOCH).isEmpty()) {
                    diags.error("fixture.time", pos(keys.get(key)), "`" + key + "` is not a time: " + v,
                            "write date math on now (`now-1h`, `now-10d`) or an ISO-8601 instant");
                }
            });
            return s;
        }

        List<Fixture.Event> events(Node n) {
            List<Fixture.Event> out = new ArrayList<>();
            if (n == null) {
                diags.error("fixture.events", SourcePos.startOf(name), "the fixture has no `events`",
                        "add `events:` with a list of events");
                return out;
            }
            if (!(n instanceof SequenceNode seq)) {
                diags.error("fixture.events", pos(n), "`events` must be a list", "");
                return out;
            }
            for (Node item : seq.getValue()) {
                event(item, out);
            }
            return out;
        }

        private void event(Node item, List<Fixture.Event> out) {
            if (!(item instanceof MappingNode m)) {
                diags.error("fixture.event", pos(item), "an event entry must be a mapping",
                        "write `- {alert: true, event: {...}}` or `- {ndjson: file.ndjson}`");
                return;
            }
            Map<String, Node> k = mapping(m);
            for (String key : k.keySet()) {
                if (!Set.of("event", "alert", "repeat", "ndjson").contains(key)) {
                    diags.error("fixture.unknown-key", pos(k.get(key)), "unknown key `" + key + "` in an event entry",
                            "use event, alert, repeat or ndjson");
                }
            }
            Optional<Boolean> alert = Optional.empty();
            if (k.containsKey("alert")) {
                JsonNode a = json(k.get("alert"));
                if (!a.isBoolean()) {
                    diags.error("fixture.alert", pos(k.get("alert")), "`alert` must be true or false", "");
                    return;
                }
                alert = Optional.of(a.booleanValue());
            }
            int repeat = 1;
            if (k.containsKey("repeat")) {
                JsonNode r = json(k.get("repeat"));
                if (!r.canConvertToInt() || r.intValue() < 1 || r.intValue() > MAX_REPEAT || !r.isIntegralNumber()) {
                    diags.error("fixture.repeat", pos(k.get("repeat")),
                            "`repeat` must be a whole number from 1 to " + MAX_REPEAT, "");
                    return;
                }
                repeat = r.intValue();
            }
            if (k.containsKey("event") == k.containsKey("ndjson")) {
                diags.error("fixture.event", pos(item), "an event entry needs exactly one of `event` and `ndjson`", "");
                return;
            }
            if (k.containsKey("event")) {
                JsonNode doc = json(k.get("event"));
                if (!doc.isObject()) {
                    diags.error("fixture.event", pos(k.get("event")), "`event` must be a JSON object", "");
                    return;
                }
                for (int i = 0; i < repeat; i++) {
                    out.add(new Fixture.Event(pos(k.get("event")), ((ObjectNode) doc).deepCopy(), alert));
                }
                return;
            }
            Node f = k.get("ndjson");
            Path p = (file.getParent() == null ? Path.of(".") : file.getParent()).resolve(f instanceof ScalarNode s
                    ? s.getValue() : "");
            List<String> lines;
            try {
                lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                diags.error("fixture.ndjson", pos(f), "cannot read " + p + ": " + e.getMessage(),
                        "give a path relative to the fixture file");
                return;
            }
            for (int r = 0; r < repeat; r++) {
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.isEmpty()) {
                        continue;
                    }
                    SourcePos lp = new SourcePos(p.toString(), i + 1, 1);
                    try {
                        JsonNode doc = MAPPER.readTree(line);
                        if (!doc.isObject()) {
                            diags.error("fixture.ndjson", lp, "an NDJSON line must be a JSON object", "");
                            continue;
                        }
                        out.add(new Fixture.Event(lp, (ObjectNode) doc, alert));
                    } catch (IOException e) {
                        diags.error("fixture.ndjson", lp, "not valid JSON: " + e.getMessage().lines().findFirst()
                                .orElse(""), "write one JSON object per line");
                    }
                }
            }
        }

        List<Fixture.ExpectedAlert> alerts(Node n) {
            List<Fixture.ExpectedAlert> out = new ArrayList<>();
            if (!(n instanceof SequenceNode seq)) {
                diags.error("fixture.alerts", pos(n), "`alerts` must be a list (`[]` for none)", "");
                return out;
            }
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode m)) {
                    diags.error("fixture.alerts", pos(item), "an expected alert must be a mapping",
                            "write `- {group: {field: value}, values: {column: value}}`");
                    continue;
                }
                Map<String, Node> k = mapping(m);
                Map<String, JsonNode> group = fields(k.get("group"));
                Map<String, JsonNode> values = fields(k.get("values"));
                for (String key : k.keySet()) {
                    if (!key.equals("group") && !key.equals("values")) {
                        diags.error("fixture.unknown-key", pos(k.get(key)), "unknown key `" + key
                                + "` in an expected alert", "use group and values");
                    }
                }
                out.add(new Fixture.ExpectedAlert(pos(item), group, values));
            }
            return out;
        }

        private Map<String, JsonNode> fields(Node n) {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            if (n == null) {
                return out;
            }
            JsonNode j = json(n);
            if (!j.isObject()) {
                diags.error("fixture.alerts", pos(n), "`group` and `values` must be mappings of field to value", "");
                return out;
            }
            j.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }

        /** A YAML node as JSON; keys stay as written (dotted keys are not split). */
        JsonNode json(Node n) {
            if (n instanceof MappingNode m) {
                ObjectNode o = JSON.objectNode();
                for (NodeTuple t : m.getValue()) {
                    String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
                    o.set(key, json(t.getValueNode()));
                }
                return o;
            }
            if (n instanceof SequenceNode s) {
                ArrayNode a = JSON.arrayNode();
                s.getValue().forEach(x -> a.add(json(x)));
                return a;
            }
            ScalarNode s = (ScalarNode) n;
            Tag t = s.getTag();
            String v = s.getValue();
            try {
                if (t.equals(Tag.NULL)) {
                    return JSON.nullNode();
                }
                if (t.equals(Tag.BOOL)) {
                    return JSON.booleanNode(Set.of("true", "yes", "on").contains(v.toLowerCase(java.util.Locale.ROOT)));
                }
                if (t.equals(Tag.INT)) {
                    BigInteger bi = new BigInteger(v.replace("_", ""));
                    return bi.bitLength() < 64 ? JSON.numberNode(bi.longValue()) : JSON.numberNode(bi);
                }
                if (t.equals(Tag.FLOAT)) {
                    return JSON.numberNode(new BigDecimal(v.replace("_", "")).doubleValue());
                }
            } catch (NumberFormatException e) {
                return JSON.textNode(v);
            }
            return JSON.textNode(v);
        }
    }
}
