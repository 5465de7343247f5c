package dev.rulec.source.toml;

import dev.rulec.diag.SourcePos;
import dev.rulec.model.Positions;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key positions of a TOML file, found with tomlj on first use: the fast reader does not track them,
 * and most files never need one.
 */
final class TomlPositions implements Positions {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final String text;
    private final String file;
    private TomlParseResult parsed;
    private java.util.Map<String, long[]> scanned;

    TomlPositions(String text, String file) {
        this.text = text;
        this.file = file;
    }

    private synchronized TomlParseResult parsed() {
        if (parsed == null) {
            parsed = Toml.parse(text);
        }
        return parsed;
    }

    /** Syntax errors, as tomlj words them (clearer than the fast parser's). */
    List<org.tomlj.TomlParseError> errors() {
        return parsed().errors();
    }

    /** Keys and array elements found by the fast scanner; empty when it could not read the file. */
    private synchronized java.util.Map<String, long[]> scanned() {
        if (scanned == null) {
            scanned = TomlKeyScanner.scan(text).orElse(java.util.Map.of());
        }
        return scanned;
    }

    @Override
    public Optional<SourcePos> of(String path) {
        long[] fast = scanned().get(path);
        if (fast != null) {
            return Optional.of(new SourcePos(file, (int) fast[0], (int) fast[1]));
        }
        return ofTomlj(path);
    }

    /** The position as tomlj reports it (also the reference the fast scanner is tested against). */
    Optional<SourcePos> ofTomlj(String path) {
        Object node = parsed();
        TomlPosition found = null;
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            if (m.group(1) != null && node instanceof TomlTable t) {
                found = t.inputPositionOf(List.of(m.group(1)));
                node = t.get(List.of(m.group(1)));
            } else if (m.group(2) != null && node instanceof TomlArray a) {
                int i = Integer.parseInt(m.group(2));
                if (i >= a.size()) {
                    return Optional.empty();
                }
                found = a.inputPositionOf(i);
                node = a.get(i);
            } else {
                return Optional.empty();
            }
            if (found == null) {
                return Optional.empty();
            }
        }
        return found == null ? Optional.empty() : Optional.of(new SourcePos(file, found.line(), found.column()));
    }
}
