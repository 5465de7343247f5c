package dev.rulec.source.sigma.detection;

import dev.rulec.diag.NearestName;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.Expr;
import dev.rulec.source.sigma.SigmaException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The modifier chain of one detection item, checked for unknown names and invalid combinations. */
public final class Modifiers {

    private static final Set<Modifier> POSITIONAL = EnumSet.of(Modifier.CONTAINS, Modifier.STARTSWITH, Modifier.ENDSWITH);
    private static final Set<Modifier> ENCODINGS = EnumSet.of(Modifier.UTF16LE, Modifier.UTF16BE, Modifier.UTF16,
            Modifier.WIDE);

    private final List<Modifier> transforms;
    private final Optional<Modifier> comparison;
    private final Set<Modifier> all;

    private Modifiers(List<Modifier> transforms, Optional<Modifier> comparison, Set<Modifier> all) {
        this.transforms = List.copyOf(transforms);
        this.comparison = comparison;
        this.all = all;
    }

    /** {@code segments[0]} is the field name; the rest are modifier names. */
    public static Modifiers parse(String[] segments, SourcePos pos) throws SigmaException {
        List<Modifier> transforms = new ArrayList<>();
        Optional<Modifier> comparison = Optional.empty();
        Set<Modifier> seen = EnumSet.noneOf(Modifier.class);
        for (int i = 1; i < segments.length; i++) {
            String name = segments[i];
            Modifier m = Modifier.fromName(name).orElseThrow(() -> new SigmaException("sigma.unknown-modifier", pos,
                    "unknown modifier [" + name + "]", NearestName.of(name, Arrays.stream(Modifier.values())
                            .map(Modifier::sigmaName).toList()).map(n -> "did you mean [" + n + "]? ").orElse("")
                            + "known modifiers: " + Modifier.knownNames()));
            if (!seen.add(m)) {
                throw new SigmaException("sigma.invalid-modifier", pos, "modifier [" + name + "] is given twice");
            }
            if (m.kind() == Modifier.Kind.TRANSFORM) {
                transforms.add(m);
            } else if (m.kind() == Modifier.Kind.COMPARISON) {
                if (comparison.isPresent()) {
                    throw invalid(pos, "modifiers [" + comparison.get().sigmaName() + "] and [" + name
                            + "] cannot be combined");
                }
                comparison = Optional.of(m);
            }
        }
        Modifiers mods = new Modifiers(transforms, comparison, seen);
        mods.validate(pos);
        return mods;
    }

    private void validate(SourcePos pos) throws SigmaException {
        long positional = transforms.stream().filter(POSITIONAL::contains).count();
        if (positional > 1) {
            throw invalid(pos, "only one of contains, startswith and endswith may be given");
        }
        for (Modifier flag : List.of(Modifier.I, Modifier.M, Modifier.S)) {
            if (all.contains(flag) && comparison.filter(c -> c == Modifier.RE).isEmpty()) {
                throw invalid(pos, "modifier [" + flag.sigmaName() + "] is a regular-expression flag and needs [re]");
            }
        }
        for (int i = 0; i < transforms.size(); i++) {
            Modifier t = transforms.get(i);
            boolean nextIsBase64 = i + 1 < transforms.size()
                    && (transforms.get(i + 1) == Modifier.BASE64 || transforms.get(i + 1) == Modifier.BASE64OFFSET);
            if (ENCODINGS.contains(t) && !nextIsBase64) {
                throw invalid(pos, "modifier [" + t.sigmaName() + "] must be followed by [base64] or [base64offset]");
            }
        }
        if (comparison.isEmpty()) {
            return;
        }
        Modifier c = comparison.get();
        if (c == Modifier.FIELDREF) {
            for (Modifier t : transforms) {
                if (!POSITIONAL.contains(t)) {
                    throw invalid(pos, "modifier [fieldref] can only be combined with contains, startswith or endswith,"
                            + " not [" + t.sigmaName() + "]");
                }
            }
            return;
        }
        if (!transforms.isEmpty()) {
            throw invalid(pos, "modifier [" + c.sigmaName() + "] cannot be combined with [" + transforms.get(0).sigmaName()
                    + "]");
        }
        if (all.contains(Modifier.CASED) && c != Modifier.FIELDREF) {
            throw invalid(pos, "modifier [cased] has no meaning with [" + c.sigmaName() + "]"
                    + (c == Modifier.RE ? "; regular expressions are case-sensitive unless |i" : ""));
        }
        if (all.contains(Modifier.NEQ) && c == Modifier.EXISTS) {
            throw invalid(pos, "modifier [neq] cannot be combined with [exists]; use exists: false");
        }
    }

    private static SigmaException invalid(SourcePos pos, String message) {
        return new SigmaException("sigma.invalid-modifier", pos, message);
    }

    public boolean has(Modifier m) {
        return all.contains(m);
    }

    public List<Modifier> transforms() {
        return transforms;
    }

    /** Fieldref is a comparison only in name: its value is a field. */
    public Optional<Modifier> comparison() {
        return comparison;
    }

    String comparisonName() {
        return comparison.map(Modifier::sigmaName).orElse("neq");
    }

    Expr.FieldRefKind fieldRefKind() {
        if (has(Modifier.CONTAINS)) {
            return Expr.FieldRefKind.CONTAINS;
        }
        if (has(Modifier.STARTSWITH)) {
            return Expr.FieldRefKind.STARTS_WITH;
        }
        if (has(Modifier.ENDSWITH)) {
            return Expr.FieldRefKind.ENDS_WITH;
        }
        return Expr.FieldRefKind.EQUALS;
    }
}
