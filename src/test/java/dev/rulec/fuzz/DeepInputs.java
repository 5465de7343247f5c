package dev.rulec.fuzz;

/** Generated inputs nested or chained {@code n} deep: the shapes that make recursive parsers and tree walks deep. */
final class DeepInputs {
    private DeepInputs() {
    }

    static String repeat(String s, int n) {
        return s.repeat(n);
    }

    /** {@code open × n, middle, close × n}. */
    static String wrap(String open, String middle, String close, int n) {
        return open.repeat(n) + middle + close.repeat(n);
    }

    /** {@code first sep item sep item …} with {@code n} separators: a left-deep chain for left-recursive rules. */
    static String chain(String first, String sep, String item, int n) {
        StringBuilder b = new StringBuilder(first);
        for (int i = 0; i < n; i++) {
            b.append(sep).append(item);
        }
        return b.toString();
    }
}
