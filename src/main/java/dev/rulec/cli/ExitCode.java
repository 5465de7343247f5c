package dev.rulec.cli;

/** The exit codes of every command. */
public enum ExitCode {
    /** Everything done, nothing at or above the failing level. */
    OK(0),
    /** Some rules had errors (or findings); the others were still processed. */
    FINDINGS(1),
    /** The command line itself was wrong. */
    USAGE(2),
    /** Something outside the rules failed: a server, the file system. */
    ENVIRONMENT(3),
    /** A bug in rulec. */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
