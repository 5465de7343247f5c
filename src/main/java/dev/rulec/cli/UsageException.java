package dev.rulec.cli;

/** A wrong combination of options, said in a plain sentence; exits with {@link ExitCode#USAGE}. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
