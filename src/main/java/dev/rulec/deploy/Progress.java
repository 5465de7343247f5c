package dev.rulec.deploy;

/** Told after each write call of {@link Deployer#apply}; the CLI draws a progress bar from it on a terminal. */
@FunctionalInterface
public interface Progress {
    void advanced(int rulesDone, int rulesTotal);

    static Progress none() {
        return (done, total) -> { };
    }
}
