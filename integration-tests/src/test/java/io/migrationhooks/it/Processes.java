package io.migrationhooks.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a command to completion with no input, capturing stdout and stderr through files (no pipe stalls). */
final class Processes {

    private static final long TIMEOUT_SECONDS = 180;

    private Processes() {
    }

    static ProcessResult run(List<String> command) {
        return run(command, environment -> { });
    }

    static ProcessResult run(List<String> command, Consumer<Map<String, String>> environment) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("process", ".stdout");
            stderr = Files.createTempFile("process", ".stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            environment.accept(builder.environment());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
            }
            return new ProcessResult(command, process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted: " + String.join(" ", command), e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
