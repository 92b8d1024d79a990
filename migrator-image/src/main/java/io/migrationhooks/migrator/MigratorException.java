package io.migrationhooks.migrator;

/** A failure the migrator reports as one message and an exit code; never carries the password. */
public class MigratorException extends Exception {
    private final ExitCode exitCode;

    public MigratorException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public MigratorException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    static MigratorException badConfiguration(String variable, String problem) {
        return new MigratorException(ExitCode.BAD_CONFIGURATION, variable + " " + problem);
    }
}
