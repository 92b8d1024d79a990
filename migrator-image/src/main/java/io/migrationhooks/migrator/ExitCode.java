package io.migrationhooks.migrator;

/** The process exit codes the chart's Job and a person reading `kubectl logs` rely on. */
public enum ExitCode {
    OK(0),
    MIGRATION_FAILED(1),
    BAD_CONFIGURATION(2),
    DATABASE_UNREACHABLE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
