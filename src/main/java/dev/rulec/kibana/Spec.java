package dev.rulec.kibana;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A small description of JSON shapes, enough to state Kibana's create-rule constraints as data
 * ({@link KibanaRuleSpecs}) and check payloads against them with readable messages.
 */
sealed interface Spec {

    /** Adds one message per problem, each starting with the JSON path. */
    void check(JsonNode n, String path, List<String> problems);

    record Str(int minLength, String format, Predicate<String> valid) implements Spec {
        public void check(JsonNode n, String path, List<String> problems) {
            if (!n.isTextual()) {
                problems.add(path + " must be a string");
            } else if (n.asText().length() < minLength || minLength > 0 && n.asText().isBlank()) {
                problems.add(path + " must not be empty");
            } else if (!valid.test(n.asText())) {
                problems.add(path + " [" + n.asText() + "] is not " + format);
            }
        }
    }

    record Int(long min, long max) implements Spec {
        public void check(JsonNode n, String path, List<String> problems) {
            if (!n.isIntegralNumber()) {
                problems.add(path + " must be an integer");
            } else if (n.asLong() < min || n.asLong() > max) {
                problems.add(path + " " + n.asLong() + " is outside " + min + "–"
                        + (max == Long.MAX_VALUE ? "∞" : Long.toString(max)));
            }
        }
    }

    record Bool() implements Spec {
        public void check(JsonNode n, String path, List<String> problems) {
            if (!n.isBoolean()) {
                problems.add(path + " must be true or false");
            }
        }
    }

    record OneOfValues(Set<String> values) implements Spec {
        public void check(JsonNode n, String path, List<String> problems) {
            if (!n.isTextual() || !values.contains(n.asText())) {
                problems.add(path + " must be one of " + values.stream().sorted().toList() + ", found " + n);
            }
        }
    }

    record Arr(Spec items, int minItems, int maxItems) implements Spec {
        public void check(JsonNode n, String path, List<String> problems) {
            if (!n.isArray()) {
                problems.add(path + " must be a list");
                return;
            }
            if (n.size() < minItems || n.size() > maxItems) {
                problems.add(path + " must have " + (maxItems == Integer.MAX_VALUE ? "at least " + minItems
                        : minItems + " to " + maxItems) + " items, found " + n.size());
            }
            for (int i = 0; i < n.size(); i++) {
                items.check(n.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    /** An object with known fields; {@code closed} objects reject other fields. */
    record Obj(Map<String, Spec> fields, Set<String> required, boolean closed) implements Spec {
        public Obj {
            fields = new LinkedHashMap<>(fields);
            required = Set.copyOf(required);
        }

        public void check(JsonNode n, String path, List<String> problems) {
            if (!n.isObject()) {
                problems.add(path + " must be an object");
                return;
            }
            for (String r : required.stream().sorted().toList()) {
                if (!n.has(r)) {
                    problems.add(join(path, r) + " is required");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Spec s = fields.get(e.getKey());
                if (s != null) {
                    s.check(e.getValue(), join(path, e.getKey()), problems);
                } else if (closed) {
                    problems.add(join(path, e.getKey()) + " is not a field of this object");
                }
            }
        }

        private static String join(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    /** Exactly one alternative must fit; the message lists the first alternative's problems. */
    record Either(List<Spec> alternatives) implements Spec {
        public void check(JsonNode n, String path, List<String> problems) {
            List<List<String>> each = alternatives.stream().map(a -> {
                List<String> p = new java.util.ArrayList<>();
                a.check(n, path, p);
                return p;
            }).toList();
            long fits = each.stream().filter(List::isEmpty).count();
            if (fits != 1) {
                problems.add(fits == 0 ? path + " has the wrong shape: " + String.join("; ", each.get(0))
                        : path + " is ambiguous");
            }
        }
    }

    record Any() implements Spec {
        public void check(JsonNode n, String path, List<String> problems) {
        }
    }

    static Str string() {
        return new Str(0, "", s -> true);
    }

    static Str nonEmpty() {
        return new Str(1, "", s -> true);
    }

    static Str matching(String format, Predicate<String> valid) {
        return new Str(0, format, valid);
    }

    static Spec values(String... v) {
        return new OneOfValues(Set.of(v));
    }

    static Spec list(Spec items) {
        return new Arr(items, 0, Integer.MAX_VALUE);
    }

    static Spec list(Spec items, int min, int max) {
        return new Arr(items, min, max);
    }

    static Spec min(long min) {
        return new Int(min, Long.MAX_VALUE);
    }

    static Obj obj(List<String> required, Object... keysAndSpecs) {
        Map<String, Spec> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndSpecs.length; i += 2) {
            m.put((String) keysAndSpecs[i], (Spec) keysAndSpecs[i + 1]);
        }
        return new Obj(m, Set.copyOf(required), true);
    }

    static Spec either(Spec... alternatives) {
        return new Either(Arrays.asList(alternatives));
    }
}
