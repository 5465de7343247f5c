package dev.rulec.source.toml;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.NearestName;
import dev.rulec.diag.SourcePos;
import dev.rulec.model.Value;
import dev.rulec.source.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.model.Positions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed values out of one TOML table, recording each key's position and which keys were used,
 * so that wrong types and unknown keys become positioned diagnostics.
 */
final class TomlCursor {

    private final ObjectNode table;
    private final String path;
    private final SourcePos fileStart;
    private final Diagnostics diags;
    private final Positions positions;
    private final Set<String> used = new LinkedHashSet<>();

    TomlCursor(ObjectNode table, String path, SourcePos fileStart, Diagnostics diags, Positions positions) {
        this.table = table;
        this.path = path;
        this.fileStart = fileStart;
        this.diags = diags;
        this.positions = positions;
    }

    String path() {
        return path;
    }

    /** Where this table starts (its header), or the file's start for the top level. */
    SourcePos tablePos() {
        return path.isEmpty() ? fileStart : positions.of(path).orElse(fileStart);
    }

    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    SourcePos pos(String key) {
        return positions.of(keyPath(key)).orElseGet(this::tablePos);
    }

    private SourcePos itemPos(String key, int i) {
        return positions.of(keyPath(key) + "[" + i + "]").orElseGet(() -> pos(key));
    }

    /** The keys of this table, in the order written. */
    List<String> keys() {
        List<String> out = new ArrayList<>();
        table.fieldNames().forEachRemaining(out::add);
        return out;
    }

    boolean isString(String key) {
        return table.path(key).isTextual();
    }

    boolean has(String key) {
        return table.has(key);
    }

    /** Marks a key as understood and returns its raw value, if written. */
    private Optional<JsonNode> take(String key) {
        used.add(key);
        return Optional.ofNullable(table.get(key));
    }

    private Optional<JsonNode> typed(String key, java.util.function.Predicate<JsonNode> ok, String expected) {
        Optional<JsonNode> v = take(key);
        if (v.isPresent() && !ok.test(v.get())) {
            diags.error("toml.wrong-type", pos(key),
                    "[" + keyPath(key) + "] must be " + expected + ", found " + describe(v.get()),
                    "write it as " + expected);
            return Optional.empty();
        }
        return v;
    }

    Optional<String> string(String key) {
        return typed(key, JsonNode::isTextual, "a string").map(JsonNode::asText);
    }

    String requiredString(String key) {
        if (!has(key)) {
            used.add(key);
            diags.error("toml.missing-field", tablePos(), "[" + keyPath(key) + "] is required",
                    "add " + key + " = \"…\" to [" + path + "]");
            return "";
        }
        return string(key).orElse("");
    }

    OptionalLong integer(String key) {
        Optional<JsonNode> v = typed(key, n -> n.isIntegralNumber() && n.canConvertToLong(), "an integer");
        return v.isPresent() ? OptionalLong.of(v.get().asLong()) : OptionalLong.empty();
    }

    Optional<Boolean> bool(String key) {
        return typed(key, JsonNode::isBoolean, "true or false").map(JsonNode::asBoolean);
    }

    /** A list of strings; a single string is accepted where the format allows either (e.g. integration). */
    List<String> strings(String key, boolean singleAllowed) {
        Optional<JsonNode> v = take(key);
        if (v.isEmpty()) {
            return List.of();
        }
        if (singleAllowed && v.get().isTextual()) {
            return List.of(v.get().asText());
        }
        JsonNode arr = v.get();
        if (!arr.isArray()) {
            diags.error("toml.wrong-type", pos(key), "[" + keyPath(key) + "] must be a list of strings, found "
                    + describe(v.get()), "write it as " + key + " = [\"…\"]");
            return List.of();
        }
        List<String> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonNode item = arr.get(i);
            if (item.isTextual()) {
                out.add(item.asText());
            } else {
                diags.error("toml.wrong-type", itemPos(key, i),
                        "[" + keyPath(key) + "] item " + (i + 1) + " must be a string, found " + describe(item),
                        "quote it");
            }
        }
        return out;
    }

    Optional<TomlCursor> table(String key) {
        return typed(key, JsonNode::isObject, "a table").map(t -> child((ObjectNode) t, keyPath(key)));
    }

    /** An array of tables ({@code [[x]]}), each as a cursor with path {@code x[i]}. */
    List<TomlCursor> tables(String key) {
        Optional<JsonNode> arr = typed(key, JsonNode::isArray, "an array of tables");
        if (arr.isEmpty()) {
            return List.of();
        }
        List<TomlCursor> out = new ArrayList<>();
        JsonNode a = arr.get();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).isObject()) {
                out.add(child((ObjectNode) a.get(i), keyPath(key) + "[" + i + "]"));
            } else {
                diags.error("toml.wrong-type", itemPos(key, i), "[" + keyPath(key) + "] item " + (i + 1)
                        + " must be a table",
                        "write it as [[" + keyPath(key) + "]]");
            }
        }
        return out;
    }

    /** A value of open shape (filters, meta…), converted as written. */
    Optional<Value> value(String key) {
        return take(key).map(JsonValues::toValue);
    }

    <T> List<T> each(List<TomlCursor> cursors, Function<TomlCursor, Optional<T>> read) {
        List<T> out = new ArrayList<>();
        for (TomlCursor c : cursors) {
            read.apply(c).ifPresent(out::add);
            c.reportUnknownKeys();
        }
        return out;
    }

    /** Keys of this table that nothing asked for: a warning each, with position. */
    void reportUnknownKeys() {
        for (java.util.Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!used.contains(k)) {
                // the keys the reader asked for are the ones a misspelt key most likely meant
                diags.warning("toml.unknown-key", pos(k), "unknown key [" + keyPath(k) + "] is ignored",
                        NearestName.of(k, used).map(n -> "did you mean [" + keyPath(n) + "]?")
                                .orElse("remove it or check its spelling"));
            }
        }
    }

    /** Marks keys as understood without reading them (after an error made them meaningless). */
    void skip(List<String> keys) {
        used.addAll(keys);
    }

    /** All keys nothing asked for, as a value (for tables whose other keys are kept as written). */
    Value.Obj rest() {
        Map<String, Value> out = new LinkedHashMap<>();
        for (java.util.Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!used.contains(k)) {
                used.add(k);
                out.put(k, JsonValues.toValue(table.get(k)));
            }
        }
        return new Value.Obj(out);
    }

    private TomlCursor child(ObjectNode t, String childPath) {
        return new TomlCursor(t, childPath, fileStart, diags, positions);
    }

    private static String describe(JsonNode o) {
        if (o.isTextual()) {
            return "a string";
        }
        if (o.isNumber()) {
            return "a number";
        }
        if (o.isBoolean()) {
            return "a boolean";
        }
        if (o.isArray()) {
            return "a list";
        }
        if (o.isObject()) {
            return "a table";
        }
        return "a date";
    }
}
