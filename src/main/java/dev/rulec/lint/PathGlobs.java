package dev.rulec.lint;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.function.Predicate;

/**
 * Glob exclusions ({@code rules/_deprecated/**}, {@code **}{@code /ml_*.toml}) matched against a file's path relative
 * to the working directory; a leading {@code **}{@code /} also matches at the top level.
 */
final class PathGlobs implements Predicate<String> {

    private final List<PathMatcher> matchers;
    private final Path cwd = Path.of("").toAbsolutePath();

    PathGlobs(List<String> globs) {
        this.matchers = globs.stream()
                .flatMap(g -> g.startsWith("**/") ? java.util.stream.Stream.of(g, g.substring(3)) : java.util.stream.Stream.of(g))
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
    }

    /** Whether a glob is well formed; the message of the problem otherwise. */
    static java.util.Optional<String> problem(String glob) {
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage().lines().findFirst().orElse("invalid glob"));
        }
    }

    @Override
    public boolean test(String file) {
        if (matchers.isEmpty()) {
            return false;
        }
        Path p;
        try {
            p = Path.of(file);
        } catch (InvalidPathException e) {
            return false;
        }
        if (p.isAbsolute() && p.startsWith(cwd)) {
            p = cwd.relativize(p);
        }
        p = p.normalize();
        for (PathMatcher m : matchers) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }
}
