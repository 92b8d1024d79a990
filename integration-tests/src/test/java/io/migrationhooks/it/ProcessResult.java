package io.migrationhooks.it;

import java.util.List;

/** What a finished process printed and returned. */
record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {

    ProcessResult requireSuccess() {
        if (exitCode != 0) {
            throw new AssertionError(describe());
        }
        return this;
    }

    String describe() {
        return String.join(" ", command) + "\nexit code: " + exitCode + "\nstderr:\n" + stderr + "\nstdout:\n"
                + stdout;
    }
}
