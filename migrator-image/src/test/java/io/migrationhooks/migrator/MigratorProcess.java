package io.migrationhooks.migrator;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The migrator as a real `java -cp ... Main` process, to prove what the Job sees: exit codes and streams. */
final class MigratorProcess {
    private final Process process;
    private final Path out;
    private final Path err;

    private MigratorProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static MigratorProcess start(Map<String, String> env, Path workDirectory) throws IOException {
        String java = System.getProperty("migrator.test.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Files.createDirectories(workDirectory);
        Path out = Files.createTempFile(workDirectory, "stdout", ".txt");
        Path err = Files.createTempFile(workDirectory, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        return new MigratorProcess(builder.start(), out, err);
    }

    Run await() throws IOException, InterruptedException {
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("migrator process did not finish in 180 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
