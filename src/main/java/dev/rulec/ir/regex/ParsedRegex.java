package dev.rulec.ir.regex;

/**
 * A parsed regular expression with the flags in effect (the rule's flags plus a leading inline {@code (?i)},
 * {@code (?s)}, {@code (?m)}).
 */
public record ParsedRegex(RegexNode root, boolean ignoreCase, boolean multiline, boolean dotAll) {
}
