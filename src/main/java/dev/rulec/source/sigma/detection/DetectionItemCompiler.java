package dev.rulec.source.sigma.detection;

import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.ir.CaseMode;
import dev.rulec.ir.Expr;
import dev.rulec.ir.Literal;
import dev.rulec.ir.Pattern;
import dev.rulec.pipeline.FieldMapping;
import dev.rulec.pipeline.JoinedField;
import dev.rulec.source.sigma.SigmaException;
import dev.rulec.source.sigma.yaml.YNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One detection item ({@code field|mod|mod: value(s)}, or a keyword list) → {@link Expr}, following the detection
 * semantics of Sigma specification v2.1: values of a list are alternatives (OR) unless {@code all}; string matches
 * are case-insensitive unless {@code cased}; {@code null} means the field is absent.
 */
public final class DetectionItemCompiler {

    private final FieldMapping fields;
    private final Map<String, List<String>> placeholders;
    private final Diagnostics diags;

    public DetectionItemCompiler(FieldMapping fields, Map<String, List<String>> placeholders, Diagnostics diags) {
        this.fields = fields;
        this.placeholders = Map.copyOf(placeholders);
        this.diags = diags;
    }

    /** A {@code key: value} entry of a detection map. The key holds the field name and modifiers. */
    public Expr item(String key, SourcePos keyPos, YNode value) throws SigmaException {
        String[] segments = key.split("\\|", -1);
        String field = segments[0];
        Modifiers mods = Modifiers.parse(segments, keyPos);
        List<YNode.YScalar> values = scalars(value, key);
        if (mods.has(Modifier.ALL) && values.size() < 2) {
            throw new SigmaException("sigma.invalid-modifier", keyPos, "modifier [all] needs a list of at least two"
                    + " values (specification v2.1)", "drop |all, or repeat the field in another search");
        }
        if (field.isEmpty()) {
            return keywords(values, mods, keyPos);
        }
        List<FieldMapping.MappedField> targets = fields.map(field, keyPos, diags);
        if (targets.isEmpty()) {
            throw unmapped(field, keyPos);
        }
        // One warning per text: the targets of a multi-valued source field share theirs.
        Map<String, List<String>> warned = new java.util.LinkedHashMap<>();
        for (FieldMapping.MappedField target : targets) {
            target.warn().ifPresent(w -> warned.computeIfAbsent(w, k -> new ArrayList<>()).add(target.name()));
        }
        warned.forEach((text, names) -> diags.warning("pipeline.sparse-field", keyPos, "field [" + field
                + "] maps to [" + (names.size() > 3 ? names.get(0) + ", …, " + names.get(names.size() - 1)
                : String.join(", ", names)) + "] in pipeline [" + fields.name() + "], but " + text,
                "check that your data source fills it, or the rule may miss events"));
        // A joined field is always the only target of its source field (PipelineLoader).
        return targets.get(0).joined().isPresent()
                ? forJoined(field, targets.get(0).joined().get(), values, mods, keyPos)
                : forFields(targets, values, mods);
    }

    private SigmaException unmapped(String field, SourcePos pos) {
        Optional<String> why = fields.unrecorded(field);
        return new SigmaException("pipeline.unmapped-field", pos, "field [" + field + "] has no mapping in pipeline ["
                + fields.name() + "]" + why.map(w -> ": " + w).orElse(""), why.isPresent()
                ? "compile the rule for a data source that records it, or pass a pipeline that maps it"
                : "add it to the pipeline's fields, or set unmapped: warning");
    }

    /**
     * A source field whose value joins two target fields (Sysmon {@code User} = {@code DOMAIN\name}): string
     * patterns are rewritten exactly onto the parts ({@link JoinedField}); anything else is refused.
     */
    private Expr forJoined(String field, JoinedField joined, List<YNode.YScalar> values, Modifiers mods,
                           SourcePos pos) throws SigmaException {
        String where = "field [" + field + "] is split into [" + joined.first() + "] and [" + joined.second()
                + "] by pipeline [" + fields.name() + "]";
        CaseMode cm = mods.has(Modifier.CASED) ? CaseMode.SENSITIVE : CaseMode.INSENSITIVE;
        List<Expr> perValue = new ArrayList<>();
        for (YNode.YScalar v : values) {
            Optional<Modifier> cmp = mods.comparison();
            if (cmp.isPresent() && cmp.get() == Modifier.EXISTS) {
                Expr present = compare(joined.first(), cmp.get(), v, mods);
                perValue.add(present instanceof Expr.Not ? Expr.not(joined.exists()) : joined.exists());
                continue;
            }
            if (cmp.isPresent()) {
                throw new SigmaException("pipeline.unmapped-value", v.pos(), where + "; modifier [" + cmp.get()
                        .sigmaName() + "] on the joined value cannot be rewritten onto the parts",
                        "match the value with a string pattern");
            }
            List<Expr> alts = new ArrayList<>();
            for (SigmaValue sv : transform(v, mods)) {
                if (sv instanceof SigmaValue.Null) {
                    alts.add(Expr.not(joined.exists()));
                    continue;
                }
                Pattern p;
                if (sv instanceof SigmaValue.Str s) {
                    p = s.pattern();
                } else if (sv instanceof SigmaValue.Num n) {
                    p = Pattern.literal(n.text());
                } else {
                    throw new SigmaException("pipeline.unmapped-value", v.pos(), where + "; only string values can"
                            + " be rewritten onto the parts", "");
                }
                JoinedField.Rewrite r = joined.match(p, cm);
                if (r.expr().isEmpty()) {
                    throw new SigmaException("pipeline.unmapped-value", v.pos(), where + "; " + r.reason(),
                            "write DOMAIN" + joined.separator() + "name, or use wildcards for either part");
                }
                alts.add(r.expr().get());
            }
            perValue.add(Expr.anyOf(alts));
        }
        Expr combined = mods.has(Modifier.ALL) ? Expr.allOf(perValue) : Expr.anyOf(perValue);
        return mods.has(Modifier.NEQ) ? Expr.not(combined) : combined;
    }

    /** A bare value or a list of values: keyword searches over any field. */
    public Expr keywords(List<YNode.YScalar> values, Modifiers mods, SourcePos pos) throws SigmaException {
        if (mods.comparison().isPresent() || mods.has(Modifier.NEQ)) {
            throw new SigmaException("sigma.invalid-modifier", pos, "modifier [" + mods.comparisonName()
                    + "] needs a field; keyword searches only take value transformations");
        }
        CaseMode cm = mods.has(Modifier.CASED) ? CaseMode.SENSITIVE : CaseMode.INSENSITIVE;
        List<Expr> perValue = new ArrayList<>();
        for (YNode.YScalar v : values) {
            List<Expr> alts = new ArrayList<>();
            for (SigmaValue sv : transform(v, mods)) {
                if (sv instanceof SigmaValue.Num n) {
                    sv = new SigmaValue.Str(Pattern.literal(n.text()));
                }
                if (!(sv instanceof SigmaValue.Str s)) {
                    throw new SigmaException("sigma.invalid-value", v.pos(), "a keyword must be a string or number, not "
                            + v.kindName());
                }
                if (s.pattern().isEmpty()) {
                    throw new SigmaException("sigma.invalid-value", v.pos(), "an empty keyword matches nothing useful",
                            "remove it");
                }
                alts.add(new Expr.Keyword(s.pattern(), cm));
            }
            perValue.add(Expr.anyOf(alts));
        }
        return mods.has(Modifier.ALL) ? Expr.allOf(perValue) : Expr.anyOf(perValue);
    }

    /**
     * The source field's values in one or more target fields. Several targets are the parts of one multi-valued
     * source field (the unnamed {@code Data} elements of a classic event, one field each), so each value matches
     * when any target does ({@code |all}: every value, each in any target), and the field is absent only when
     * every target is. With one target this is the plain field match.
     */
    private Expr forFields(List<FieldMapping.MappedField> targets, List<YNode.YScalar> values, Modifiers mods)
            throws SigmaException {
        List<Expr> present = new ArrayList<>();
        targets.forEach(t -> present.add(new Expr.Exists(t.name())));
        List<Expr> perValue = new ArrayList<>();
        for (YNode.YScalar v : values) {
            List<Expr> alts = new ArrayList<>();
            Optional<Modifier> cmp = mods.comparison();
            if (cmp.isPresent() && cmp.get() == Modifier.EXISTS) {
                Expr one = compare(targets.get(0).name(), cmp.get(), v, mods);
                alts.add(one instanceof Expr.Not ? Expr.not(Expr.anyOf(present)) : Expr.anyOf(present));
            } else if (cmp.isPresent()) {
                for (FieldMapping.MappedField target : targets) {
                    alts.add(compare(target.name(), cmp.get(), v, mods));
                }
            } else {
                for (SigmaValue sv : transform(v, mods)) {
                    if (sv instanceof SigmaValue.Null) {
                        alts.add(Expr.not(Expr.anyOf(present)));
                        continue;
                    }
                    for (FieldMapping.MappedField target : targets) {
                        alts.add(match(target, sv, mods, v.pos()));
                    }
                }
            }
            perValue.add(Expr.anyOf(alts));
        }
        Expr combined = mods.has(Modifier.ALL) ? Expr.allOf(perValue) : Expr.anyOf(perValue);
        // neq: "the field is different from the specified values", i.e. equal to none of them.
        return mods.has(Modifier.NEQ) ? Expr.not(combined) : combined;
    }

    private Expr match(FieldMapping.MappedField target, SigmaValue sv, Modifiers mods, SourcePos pos)
            throws SigmaException {
        String field = target.name();
        CaseMode cm = mods.has(Modifier.CASED) ? CaseMode.SENSITIVE : CaseMode.INSENSITIVE;
        if (sv instanceof SigmaValue.Null) {
            return Expr.not(new Expr.Exists(field));
        }
        if (target.substringOnly() && !(sv instanceof SigmaValue.Str s && SigmaStrings.isContainsLike(s.pattern()))) {
            throw new SigmaException("sigma.unfaithful-field", pos, "field [" + field + "] holds a text rendering of"
                    + " a structured value, so only contains-style matches keep their meaning there",
                    "use |contains, or match a sub-field");
        }
        if (!target.values().isEmpty()) {
            return mappedValue(target, sv, cm, pos);
        }
        if (!target.keyed().isEmpty()) {
            return keyedValue(target, sv, cm, pos);
        }
        if (sv instanceof SigmaValue.Str s) {
            return new Expr.Match(field, new Literal.Str(s.pattern()), cm);
        }
        if (sv instanceof SigmaValue.Num n) {
            return new Expr.Match(field, new Literal.Num(n.value()), cm);
        }
        if (sv instanceof SigmaValue.Bool b) {
            return new Expr.Match(field, new Literal.Bool(b.value()), cm);
        }
        throw new SigmaException("sigma.invalid-modifier", pos, "UTF-16 encoded values must be base64-encoded",
                "add |base64 or |base64offset after the utf16 modifier");
    }

    /**
     * A contains-match of one {@code KEY=value} item of a packed source field (Sysmon {@code Hashes}) → an exact
     * match of the value in the target's field for that key. Faithful only when the value is whole (its full
     * length), which is checked; {@code KEY=} with no value asks whether the item is there at all.
     */
    private static Expr keyedValue(FieldMapping.MappedField target, SigmaValue sv, CaseMode cm, SourcePos pos)
            throws SigmaException {
        String item = null;
        if (sv instanceof SigmaValue.Str s && SigmaStrings.isContainsLike(s.pattern()) && s.pattern().parts().size() == 3
                && s.pattern().parts().get(1) instanceof Pattern.Text t) {
            item = t.text();
        }
        int eq = item == null ? -1 : item.indexOf('=');
        String hint = "write |contains: 'KEY=value' with one of the keys " + new java.util.TreeSet<>(target.keyed().keySet());
        if (eq <= 0) {
            throw new SigmaException("pipeline.unmapped-value", pos, "the source field packs KEY=value items that the"
                    + " target keeps in separate fields; only a contains-match of one whole item can be translated", hint);
        }
        FieldMapping.KeyedTarget kt = target.keyed().get(item.substring(0, eq).toLowerCase(java.util.Locale.ROOT));
        String value = item.substring(eq + 1);
        if (kt == null) {
            throw new SigmaException("pipeline.unmapped-value", pos, "key [" + item.substring(0, eq)
                    + "] has no target field", hint);
        }
        if (value.isEmpty()) {
            // 'KEY=' alone: the source holds an item for KEY exactly when the target's field for it exists (the
            // values are hex digests, so no other item's text contains it).
            return new Expr.Exists(kt.field());
        }
        if (kt.length() > 0 && value.length() != kt.length()) {
            throw new SigmaException("pipeline.unmapped-value", pos, "[" + value + "] is not a whole "
                    + item.substring(0, eq) + " value (" + kt.length() + " characters), so a contains-match cannot become"
                    + " an exact match of " + kt.field(), "");
        }
        return new Expr.Match(kt.field(), Literal.string(value), cm);
    }

    /** A value the pipeline translates (the target spells the same fact differently). */
    private static Expr mappedValue(FieldMapping.MappedField target, SigmaValue sv, CaseMode cm, SourcePos pos)
            throws SigmaException {
        Optional<String> text = Optional.empty();
        if (sv instanceof SigmaValue.Str s) {
            text = s.pattern().literalText();
        } else if (sv instanceof SigmaValue.Num n) {
            text = Optional.of(n.text());
        } else if (sv instanceof SigmaValue.Bool b) {
            text = Optional.of(String.valueOf(b.value()));
        }
        String mapped = text.map(t -> target.values().get(t.toLowerCase(java.util.Locale.ROOT))).orElse(null);
        if (mapped == null) {
            throw new SigmaException("pipeline.unmapped-value", pos, "field [" + target.name() + "] only takes the"
                    + " values " + new java.util.TreeSet<>(target.values().keySet()) + " of the rule, translated by the"
                    + " pipeline; " + text.map(t -> "[" + t + "] is not one of them").orElse("a pattern cannot be translated"),
                    "match one of those values exactly");
        }
        return new Expr.Match(target.name(), Literal.string(mapped), cm);
    }

    /** re, cidr, exists, fieldref, gt/gte/lt/lte and the date parts: the value is not a pattern. */
    private Expr compare(String field, Modifier cmp, YNode.YScalar v, Modifiers mods) throws SigmaException {
        if (cmp.isDatePart()) {
            throw new SigmaException("sigma.unsupported-modifier", v.pos(), "modifier [" + cmp.sigmaName()
                    + "] compares a part of a date, which the rule IR cannot express faithfully",
                    "compare the whole timestamp with gt/lt, or write the rule in ES|QL");
        }
        switch (cmp) {
            case RE:
                requireString(v, cmp);
                checkRegex(v);
                Set<Expr.RegexFlag> flags = EnumSet.noneOf(Expr.RegexFlag.class);
                if (mods.has(Modifier.I)) {
                    flags.add(Expr.RegexFlag.IGNORE_CASE);
                }
                if (mods.has(Modifier.M)) {
                    flags.add(Expr.RegexFlag.MULTILINE);
                }
                if (mods.has(Modifier.S)) {
                    flags.add(Expr.RegexFlag.DOT_ALL);
                }
                return new Expr.Regex(field, v.text(), flags);
            case CIDR:
                requireString(v, cmp);
                return new Expr.Cidr(field, Cidrs.validate(v.text(), v.pos()));
            case EXISTS:
                if (v.type() != YNode.ScalarType.BOOL) {
                    throw new SigmaException("sigma.invalid-value", v.pos(), "modifier [exists] takes true or false, not "
                            + v.kindName());
                }
                Expr ex = new Expr.Exists(field);
                return Boolean.parseBoolean(v.text().toLowerCase(java.util.Locale.ROOT)) || isYamlTrue(v.text())
                        ? ex : Expr.not(ex);
            case FIELDREF:
                requireString(v, cmp);
                List<FieldMapping.MappedField> others = fields.map(v.text(), v.pos(), diags);
                if (others.isEmpty()) {
                    throw unmapped(v.text(), v.pos());
                }
                if (others.size() != 1 || others.get(0).joined().isPresent()) {
                    throw new SigmaException("sigma.invalid-value", v.pos(), "field [" + v.text()
                            + "] must map to exactly one field to be referenced, got " + others.size());
                }
                return new Expr.FieldRef(field, others.get(0).name(), mods.fieldRefKind(),
                        mods.has(Modifier.CASED) ? CaseMode.SENSITIVE : CaseMode.INSENSITIVE);
            default:
                return range(field, cmp, v);
        }
    }

    private static boolean isYamlTrue(String s) {
        return List.of("true", "yes", "on", "y").contains(s.toLowerCase(java.util.Locale.ROOT));
    }

    private static Expr range(String field, Modifier cmp, YNode.YScalar v) throws SigmaException {
        if (v.type() != YNode.ScalarType.INT && v.type() != YNode.ScalarType.FLOAT) {
            throw new SigmaException("sigma.invalid-value", v.pos(), "modifier [" + cmp.sigmaName()
                    + "] compares numbers, not " + v.kindName() + " [" + v.text() + "]");
        }
        Literal.Num n = new Literal.Num(number(v).orElseThrow(() -> new SigmaException("sigma.invalid-value", v.pos(),
                "[" + v.text() + "] is not a decimal number")));
        Optional<Expr.Bound> b = Optional.of(new Expr.Bound(n, cmp == Modifier.GTE || cmp == Modifier.LTE));
        return cmp == Modifier.GT || cmp == Modifier.GTE
                ? new Expr.Range(field, b, Optional.empty())
                : new Expr.Range(field, Optional.empty(), b);
    }

    private static void requireString(YNode.YScalar v, Modifier m) throws SigmaException {
        if (v.type() == YNode.ScalarType.NULL || v.type() == YNode.ScalarType.BOOL) {
            throw new SigmaException("sigma.invalid-value", v.pos(), "modifier [" + m.sigmaName() + "] needs a string, not "
                    + v.kindName());
        }
    }

    private static void checkRegex(YNode.YScalar v) throws SigmaException {
        try {
            java.util.regex.Pattern.compile(v.text());
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new SigmaException("sigma.invalid-regex", v.posAt(Math.max(0, e.getIndex())),
                    "invalid regular expression: " + e.getDescription());
        }
    }

    /** Applies the transformations in the order written; the result holds the alternatives of one value. */
    private List<SigmaValue> transform(YNode.YScalar v, Modifiers mods) throws SigmaException {
        List<SigmaValue> cur = new ArrayList<>();
        cur.add(initial(v));
        for (Modifier m : mods.transforms()) {
            List<SigmaValue> next = new ArrayList<>();
            for (SigmaValue sv : cur) {
                next.addAll(apply(m, sv, v));
            }
            cur = next;
            if (cur.size() > ValueTransforms.MAX_ALTERNATIVES) {
                throw new SigmaException("sigma.too-many-alternatives", v.pos(), "modifiers expand this value into more than "
                        + ValueTransforms.MAX_ALTERNATIVES + " alternatives");
            }
        }
        return cur.stream().distinct().toList();
    }

    private List<SigmaValue> apply(Modifier m, SigmaValue sv, YNode.YScalar v) throws SigmaException {
        if (sv instanceof SigmaValue.Null || sv instanceof SigmaValue.Bool) {
            throw new SigmaException("sigma.invalid-modifier", v.pos(), "modifier [" + m.sigmaName()
                    + "] cannot apply to " + v.kindName());
        }
        if (sv instanceof SigmaValue.Bytes b) {
            if (m == Modifier.BASE64) {
                return List.of(str(ValueTransforms.base64(b.bytes())));
            }
            if (m == Modifier.BASE64OFFSET) {
                return ValueTransforms.base64Offsets(b.bytes()).stream().map(DetectionItemCompiler::str).toList();
            }
            throw new SigmaException("sigma.invalid-modifier", v.pos(), "modifier [" + m.sigmaName()
                    + "] cannot follow a UTF-16 encoding", "put |base64 or |base64offset right after it");
        }
        Pattern p = sv instanceof SigmaValue.Num n ? Pattern.literal(n.text()) : ((SigmaValue.Str) sv).pattern();
        switch (m) {
            case CONTAINS:
                return List.of(new SigmaValue.Str(ValueTransforms.contains(p)));
            case STARTSWITH:
                return List.of(new SigmaValue.Str(ValueTransforms.startsWith(p)));
            case ENDSWITH:
                return List.of(new SigmaValue.Str(ValueTransforms.endsWith(p)));
            case WINDASH:
                List<Pattern> w = ValueTransforms.windash(p);
                if (w.isEmpty()) {
                    throw new SigmaException("sigma.too-many-alternatives", v.pos(), "windash expands this value into more"
                            + " than " + ValueTransforms.MAX_ALTERNATIVES + " alternatives");
                }
                return w.stream().<SigmaValue>map(SigmaValue.Str::new).toList();
            case EXPAND:
                ValueTransforms.Expansion ex = ValueTransforms.expand(p, placeholders);
                if (ex.unresolved().isPresent()) {
                    throw new SigmaException("sigma.unresolved-placeholder", v.pos(), "placeholder [%"
                            + ex.unresolved().get() + "%] has no values", "define it in the values file");
                }
                return ex.patterns().stream().<SigmaValue>map(SigmaValue.Str::new).toList();
            default:
                break;
        }
        String text = p.literalText().orElseThrow(() -> new SigmaException("sigma.invalid-modifier", v.pos(),
                "modifier [" + m.sigmaName() + "] encodes the value, so it cannot contain wildcards",
                "apply contains/startswith/endswith after the encoding"));
        switch (m) {
            case BASE64:
                return List.of(str(ValueTransforms.base64(text.getBytes(StandardCharsets.UTF_8))));
            case BASE64OFFSET:
                return ValueTransforms.base64Offsets(text.getBytes(StandardCharsets.UTF_8)).stream()
                        .map(DetectionItemCompiler::str).toList();
            case UTF16LE:
            case WIDE:
                return List.of(new SigmaValue.Bytes(ValueTransforms.utf16le(text)));
            case UTF16BE:
                return List.of(new SigmaValue.Bytes(ValueTransforms.utf16be(text)));
            case UTF16:
                return List.of(new SigmaValue.Bytes(ValueTransforms.utf16(text)));
            default:
                throw new IllegalStateException("not a transformation: " + m);
        }
    }

    private static SigmaValue str(String s) {
        return new SigmaValue.Str(Pattern.literal(s));
    }

    private static SigmaValue initial(YNode.YScalar v) {
        switch (v.type()) {
            case NULL:
                return new SigmaValue.Null();
            case BOOL:
                return new SigmaValue.Bool(isYamlTrue(v.text()));
            case INT:
            case FLOAT:
                Optional<BigDecimal> n = number(v);
                if (n.isPresent()) {
                    return new SigmaValue.Num(n.get(), v.text());
                }
                return new SigmaValue.Str(SigmaStrings.parse(v.text()));
            default:
                return new SigmaValue.Str(SigmaStrings.parse(v.text()));
        }
    }

    /**
     * Plain decimal numbers only: YAML 1.1 also reads {@code 0755} as octal and {@code 0x1F} as hex, but a rule
     * author writing those means the text, so they stay strings.
     */
    private static Optional<BigDecimal> number(YNode.YScalar v) {
        String t = v.text();
        if (!t.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t));
    }

    private static List<YNode.YScalar> scalars(YNode value, String key) throws SigmaException {
        if (value instanceof YNode.YScalar s) {
            return List.of(s);
        }
        if (value instanceof YNode.YSeq seq) {
            if (seq.items().isEmpty()) {
                throw new SigmaException("sigma.invalid-value", seq.pos(), "[" + key + "] has an empty list of values",
                        "give at least one value, or null for an absent field");
            }
            List<YNode.YScalar> out = new ArrayList<>();
            for (YNode item : seq.items()) {
                if (!(item instanceof YNode.YScalar s)) {
                    throw new SigmaException("sigma.invalid-value", item.pos(), "a value of [" + key
                            + "] must be a plain value, not " + item.kindName());
                }
                out.add(s);
            }
            return out;
        }
        throw new SigmaException("sigma.invalid-value", value.pos(), "the value of [" + key
                + "] must be a value or a list of values, not " + value.kindName());
    }
}
