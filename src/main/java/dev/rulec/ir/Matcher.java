package dev.rulec.ir;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rulec.ir.match.MatchCompiler;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Evaluates an {@link Expr} on JSON events with Sigma's two-valued semantics: compiled once, reusable and
 * thread-safe over any number of events.
 *
 * <ul>
 *   <li>Dotted field names resolve through nested objects, flat dotted keys and any mix ({@code a.b} finds
 *       {@code {"a":{"b":1}}} and {@code {"a.b":1}}); arrays anywhere on the path: any element may match.</li>
 *   <li>A predicate on an absent (or JSON {@code null}) field is false, and {@code Not} of it is true.</li>
 *   <li>Strings, numbers and booleans are compared as text by string patterns; case-insensitive comparison
 *       lower-cases both sides with {@code Locale.ROOT}, as ES|QL {@code TO_LOWER} does.</li>
 *   <li>A number literal matches a numeric value equal to it or a string holding its canonical text; ranges with a
 *       number bound compare numbers and numeric strings, ranges with a string bound compare by code point.</li>
 *   <li>Regular expressions use {@link java.util.regex.Pattern}, unanchored ({@code find}).</li>
 *   <li>{@code Keyword} matches when any scalar value anywhere in the event matches the whole pattern.</li>
 *   <li>{@code Nested}: one object element at the path satisfies the inner expression, whose fields may be written
 *       relative to the path or in full.</li>
 * </ul>
 */
public final class Matcher {

    private final Expr expr;
    private final Predicate<JsonNode> test;

    private Matcher(Expr expr, Predicate<JsonNode> test) {
        this.expr = expr;
        this.test = test;
    }

    /**
     * @throws IllegalArgumentException when the tree holds an invalid regular expression or CIDR block, or a range
     *     bound with wildcards (front-ends report these as diagnostics before building the tree)
     */
    public static Matcher compile(Expr expr) {
        Objects.requireNonNull(expr, "expr is null");
        return new Matcher(expr, MatchCompiler.compile(expr));
    }

    public boolean matches(JsonNode event) {
        return test.test(event);
    }

    public Expr expr() {
        return expr;
    }
}
