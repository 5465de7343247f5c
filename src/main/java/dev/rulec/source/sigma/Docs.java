package dev.rulec.source.sigma;

import dev.rulec.diag.SourcePos;
import dev.rulec.source.sigma.yaml.YNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of a Sigma document's keys, failing with the position of the offending value. */
final class Docs {
    private Docs() {
    }

    static Optional<String> optString(YNode.YMap m, String key) throws SigmaException {
        Optional<YNode> n = m.get(key);
        if (n.isEmpty() || n.get() instanceof YNode.YScalar s && s.type() == YNode.ScalarType.NULL) {
            return Optional.empty();
        }
        if (n.get() instanceof YNode.YScalar s) {
            return Optional.of(s.text());
        }
        throw new SigmaException("sigma.invalid-field", n.get().pos(), "[" + key + "] must be a value, not "
                + n.get().kindName());
    }

    static String string(YNode.YMap m, String key) throws SigmaException {
        return optString(m, key).orElseThrow(() -> new SigmaException("sigma.missing-field", m.pos(),
                "the rule has no [" + key + "]", "add " + key + ": …"));
    }

    static List<String> strings(YNode.YMap m, String key) throws SigmaException {
        Optional<YNode> n = m.get(key);
        if (n.isEmpty() || n.get() instanceof YNode.YScalar s && s.type() == YNode.ScalarType.NULL) {
            return List.of();
        }
        if (n.get() instanceof YNode.YScalar s) {
            return List.of(s.text());
        }
        if (n.get() instanceof YNode.YSeq seq) {
            List<String> out = new ArrayList<>();
            for (YNode i : seq.items()) {
                if (!(i instanceof YNode.YScalar s)) {
                    throw new SigmaException("sigma.invalid-field", i.pos(), "items of [" + key
                            + "] must be values, not " + i.kindName());
                }
                out.add(s.text());
            }
            return out;
        }
        throw new SigmaException("sigma.invalid-field", n.get().pos(), "[" + key + "] must be a list, not "
                + n.get().kindName());
    }

    static YNode.YMap map(YNode.YMap m, String key) throws SigmaException {
        YNode n = m.get(key).orElseThrow(() -> new SigmaException("sigma.missing-field", m.pos(),
                "the rule has no [" + key + "]"));
        if (n instanceof YNode.YMap mm) {
            return mm;
        }
        throw new SigmaException("sigma.invalid-field", n.pos(), "[" + key + "] must be a mapping, not " + n.kindName());
    }

    static Map<String, String> logsource(YNode.YMap doc) throws SigmaException {
        Map<String, String> out = new LinkedHashMap<>();
        if (doc.get("logsource").isEmpty()) {
            return out;
        }
        for (YNode.Entry e : map(doc, "logsource").list()) {
            if (e.value() instanceof YNode.YScalar s && s.type() != YNode.ScalarType.NULL) {
                out.put(e.key(), s.text());
            }
        }
        return out;
    }

    static SourcePos posOf(YNode.YMap m, String key) {
        return m.get(key).map(YNode::pos).orElse(m.pos());
    }
}
