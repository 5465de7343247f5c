package dev.rulec.source.sigma.yaml;

/**
 * Bounds on what the YAML reader accepts, so hostile input (alias bombs, deep nesting, huge documents) is refused
 * quickly with bounded memory. The defaults are far above anything a detection rule needs.
 *
 * @param maxAliases     aliases to collections per file (an alias bomb needs many)
 * @param maxDepth       nesting depth of collections
 * @param maxCodePoints  code points per file
 */
public record YamlLimits(int maxAliases, int maxDepth, int maxCodePoints) {
    public static YamlLimits defaults() {
        return new YamlLimits(20, 50, 2_000_000);
    }
}
