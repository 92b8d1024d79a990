package io.migrationhooks.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data cache (AppCDS on Java 17-24, AOT cache on Java 25+): created on first
 * use, used later, rebuilt when the jar or the JDK changes, ignored when it cannot be written or
 * was damaged, and never the reason for a single different byte on stdout. Evidence of use comes
 * from the JVM itself ({@code -Xlog:class+load} says where each class came from), never timing.
 */
class LauncherCacheTest {

    /** Helm 4 input that makes every rule fire: a database, its Secret, a migration Job, a backend. */
    private static final String INPUT = """
            ---
            # Source: app/templates/db.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: app-db
              annotations:
                postrenderer.helm.sh/postrender-filename: app/templates/db.yaml
            stringData:
              password: "0777"
            ---
            # Source: app/templates/db.yaml
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: app-db
              labels:
                app.kubernetes.io/component: database
              annotations:
                postrenderer.helm.sh/postrender-filename: app/templates/db.yaml
            spec:
              serviceName: app-db
              selector:
                matchLabels: {app: db}
              template:
                metadata:
                  labels: {app: db}
                spec:
                  containers:
                    - name: postgres
                      image: postgres:18
                      envFrom:
                        - secretRef: {name: app-db}
            ---
            # Source: app/templates/migrate.yaml
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: app-migrate
              labels:
                app.kubernetes.io/component: migration
              annotations:
                postrenderer.helm.sh/postrender-filename: app/templates/migrate.yaml
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: migrate
                      image: migrator:1
                      envFrom:
                        - secretRef: {name: app-db}
            ---
            # Source: app/templates/backend.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              annotations:
                postrenderer.helm.sh/postrender-filename: app/templates/backend.yaml
            spec:
              selector:
                matchLabels: {app: backend}
              template:
                metadata:
                  labels: {app: backend}
                spec:
                  containers:
                    - name: backend
                      image: backend:1
                      env:
                        - name: ENABLED
                          value: "on"
            """;

    private static final Path JAVA_17 = Path.of(System.getProperty("java.home"));
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final Duration BACKGROUND_TRAINING_LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path temp;

    private Path distribution;
    private Path cacheHome;
    private Path input;
    private String mainClass;

    /** A private copy of the distribution, so that changing its jar cannot disturb other tests. */
    @BeforeEach
    void copyDistribution() throws IOException {
        Path packaged = Path.of(System.getProperty("distribution.dir", "../postrenderer/target/migration-hooks"))
                .toAbsolutePath().normalize();
        if (!Files.isExecutable(packaged.resolve("bin/migration-hooks"))) {
            fail("No packaged distribution at " + packaged + "; build it first: mvn -B -q -pl postrenderer package -DskipTests");
        }
        distribution = copy(packaged, temp.resolve("migration-hooks"));
        try (JarFile jar = new JarFile(jar().toFile())) {
            mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
        }
        cacheHome = temp.resolve("cache-home");
        input = temp.resolve("input.yaml");
        Files.writeString(input, INPUT, UTF_8);
    }

    @Test
    void firstRunCreatesTheCacheAndLaterRunsLoadTheApplicationFromIt() throws Exception {
        Run expected = reference(JAVA_17);

        Run first = launch(JAVA_17, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));
        Path archive = onlyArchive();
        Run second = launchShowingClassSources(JAVA_17, Map.of());

        assertSuccessWithOutput(first, expected);
        assertThat(first.stderr()).as("the training run's messages go elsewhere").isEqualTo(expected.stderr());
        assertSuccessWithOutput(second, expected);
        assertThat(archive.getFileName().toString()).isEqualTo("archive.jsa");
        assertThat(mainClassSource(second)).contains("shared objects file");
        assertThat(onlyArchive()).isEqualTo(archive);
    }

    @Test
    void defaultModeBuildsTheCacheInTheBackgroundWithoutTouchingStdout() throws Exception {
        Run expected = reference(JAVA_17);

        Run first = launch(JAVA_17, Map.of());
        Path archive = awaitArchive();
        Run second = launchShowingClassSources(JAVA_17, Map.of());

        assertSuccessWithOutput(first, expected);
        assertThat(first.stderr()).isEqualTo(expected.stderr());
        assertSuccessWithOutput(second, expected);
        assertThat(mainClassSource(second)).contains("shared objects file");
        assertThat(Files.exists(archive)).isTrue();
    }

    @Test
    void withoutXdgCacheHomeTheCacheIsInTheHomeFolder() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home);
        Map<String, String> environment = new HashMap<>();
        environment.put("MIGRATION_HOOKS_CACHE", "foreground");
        environment.put("HOME", home.toString());
        environment.put("XDG_CACHE_HOME", null);

        Run run = launch(JAVA_17, environment);

        assertSuccessWithOutput(run, reference(JAVA_17));
        assertThat(archivesUnder(home.resolve(".cache/migration-hooks"))).hasSize(1);
    }

    @Test
    void concurrentFirstRunsAllSucceedAndLeaveOneCache() throws Exception {
        Run expected = reference(JAVA_17);
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path output = temp.resolve("concurrent-" + i + ".out");
            outputs.add(output);
            processes.add(processBuilder(JAVA_17, Map.of(), List.of())
                    .redirectOutput(output.toFile())
                    .redirectError(temp.resolve("concurrent-" + i + ".err").toFile())
                    .start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).isZero();
        }
        awaitArchive();

        for (Path output : outputs) {
            assertThat(Files.readAllBytes(output)).isEqualTo(expected.stdout());
        }
        assertThat(archivesUnder(cacheHome)).hasSize(1);
        assertThat(leftoverTemporaryFiles()).isEmpty();
    }

    @Test
    void aChangedJarMakesANewCache() throws Exception {
        launch(JAVA_17, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));
        Path before = onlyArchive();

        Files.setLastModifiedTime(jar(), FileTime.from(Instant.now().plusSeconds(5)));
        Run rebuilt = launch(JAVA_17, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));
        Path after = onlyArchive();
        Run next = launchShowingClassSources(JAVA_17, Map.of());

        assertSuccessWithOutput(rebuilt, reference(JAVA_17));
        assertThat(after).isNotEqualTo(before);
        assertThat(Files.exists(before)).as("the old archive is removed").isFalse();
        assertThat(mainClassSource(next)).contains("shared objects file");
    }

    /** Like update-alternatives or a JDK upgrade: the same java path now runs another JDK. */
    @Test
    void aChangedJdkBehindTheSameJavaPathMakesANewCache() throws Exception {
        if (!Files.isExecutable(JAVA_25.resolve("bin/java"))) {
            fail("This test needs a second JDK (Java 25+) at " + JAVA_25);
        }
        Path switchedJdk = temp.resolve("jdk");
        Files.createSymbolicLink(switchedJdk, JAVA_17);
        launch(switchedJdk, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));
        Path java17Archive = onlyArchive();

        Files.delete(switchedJdk);
        Files.createSymbolicLink(switchedJdk, JAVA_25);
        Run afterSwitch = launch(switchedJdk, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));
        Path java25Archive = onlyArchive();
        Run next = launchShowingClassSources(switchedJdk, Map.of());

        assertThat(java17Archive.getFileName().toString()).isEqualTo("archive.jsa");
        assertThat(java25Archive.getFileName().toString()).isEqualTo("archive.aot");
        assertSuccessWithOutput(afterSwitch, reference(JAVA_25));
        assertThat(mainClassSource(next)).contains("shared objects file");
    }

    @Test
    void buildingACacheRemovesTheCacheOfADistributionThatIsGone() throws Exception {
        launch(JAVA_17, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));
        Path removedDistributionsArchive = onlyArchive();
        Path removed = distribution;
        distribution = copy(removed, temp.resolve("reinstalled"));
        deleteRecursively(removed);

        launch(JAVA_17, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));

        assertThat(Files.exists(removedDistributionsArchive)).isFalse();
        assertThat(onlyArchive().toString()).contains("reinstalled");
    }

    @Test
    void anUnusableCacheFolderStillRendersAndSaysNothing() throws Exception {
        Path notAFolder = temp.resolve("plain-file");
        Files.writeString(notAFolder, "not a folder");
        Run expected = reference(JAVA_17);

        for (String mode : List.of("auto", "foreground")) {
            Run run = launch(JAVA_17, Map.of("MIGRATION_HOOKS_CACHE", mode, "XDG_CACHE_HOME", notAFolder.toString()));

            assertSuccessWithOutput(run, expected);
            assertThat(run.stderr()).as(mode).isEqualTo(expected.stderr());
        }
    }

    @Test
    void aDamagedArchiveIsNeverHandedToTheJvmAndIsRebuilt() throws Exception {
        launch(JAVA_17, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));
        Path damaged = onlyArchive();
        // A truncated AppCDS archive crashes Java 17 (SIGBUS) if it is mapped.
        try (RandomAccessFile file = new RandomAccessFile(damaged.toFile(), "rw")) {
            file.setLength(file.length() / 3);
        }

        Run run = launch(JAVA_17, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));
        Run expected = reference(JAVA_17);

        assertSuccessWithOutput(run, expected);
        assertThat(run.stderr()).isEqualTo(expected.stderr());
        assertThat(onlyArchive()).isNotEqualTo(damaged);
    }

    @Test
    void aMissingArchiveIsRebuilt() throws Exception {
        launch(JAVA_17, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));
        Path missing = onlyArchive();
        Files.delete(missing);

        Run run = launch(JAVA_17, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));

        assertSuccessWithOutput(run, reference(JAVA_17));
        assertThat(onlyArchive()).isNotEqualTo(missing);
    }

    /**
     * The trap of issue 7: a JVM that rejects a stale archive warns, and by default on stdout. The
     * launcher is fooled on purpose here (its records say the archive fits) to see the JVM's reaction.
     */
    @Test
    void aStaleArchiveTheJvmRejectsOnlyWarnsOnStderr() throws Exception {
        launch(JAVA_17, Map.of("MIGRATION_HOOKS_CACHE", "foreground"));
        Path jarReference = referenceFileOf(jar());
        Files.setLastModifiedTime(jar(), FileTime.from(Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(jarReference, Files.getLastModifiedTime(jar()));

        Run run = launchShowingClassSources(JAVA_17, Map.of());

        assertSuccessWithOutput(run, reference(JAVA_17));
        assertThat(mainClassSource(run)).doesNotContain("shared objects file");
        assertThat(run.stderr()).contains("[cds");
    }

    /** The other trap: Java 25 reports a missing AOT cache, by default on stdout. */
    @Test
    void aMissingAotCacheOnJava25OnlyWarnsOnStderr() throws Exception {
        if (!Files.isExecutable(JAVA_25.resolve("bin/java"))) {
            fail("This test needs a second JDK (Java 25+) at " + JAVA_25);
        }
        Run run = launch(JAVA_25, Map.of(
                "MIGRATION_HOOKS_CACHE", "off",
                "MIGRATION_HOOKS_JAVA_OPTS", "-XX:AOTCache=" + temp.resolve("nowhere.aot")));

        assertSuccessWithOutput(run, reference(JAVA_25));
        assertThat(run.stderr()).contains("AOT cache");
    }

    // --- helpers -----------------------------------------------------------------------------

    private record Run(int exitCode, byte[] stdout, String stderr) {
    }

    /** The same input rendered with the cache switched off: what every cached run must print. */
    private Run reference(Path javaHome) throws Exception {
        Run plain = launch(javaHome, Map.of("MIGRATION_HOOKS_CACHE", "off"));
        assertThat(plain.exitCode()).as(plain.stderr()).isZero();
        assertThat(new String(plain.stdout(), UTF_8)).contains("helm.sh/hook");
        return plain;
    }

    private static void assertSuccessWithOutput(Run run, Run expected) {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(new String(run.stdout(), UTF_8)).isEqualTo(new String(expected.stdout(), UTF_8));
        assertThat(run.stdout()).isEqualTo(expected.stdout());
    }

    private Run launch(Path javaHome, Map<String, String> environment) throws Exception {
        return run(processBuilder(javaHome, environment, List.of()));
    }

    private Run launchShowingClassSources(Path javaHome, Map<String, String> environment) throws Exception {
        Map<String, String> withLog = new HashMap<>(environment);
        withLog.put("MIGRATION_HOOKS_JAVA_OPTS", "-Xlog:class+load=info:stderr");
        return launch(javaHome, withLog);
    }

    private ProcessBuilder processBuilder(Path javaHome, Map<String, String> environment, List<String> extraArguments) {
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/migration-hooks").toString(), "render"));
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(input.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MIGRATION_HOOKS_") || name.startsWith("JAVA_TOOL"));
        env.put("JAVA_HOME", javaHome.toString());
        env.put("XDG_CACHE_HOME", cacheHome.toString());
        environment.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return builder;
    }

    private Run run(ProcessBuilder builder) throws Exception {
        Path stdout = Files.createTempFile(temp, "stdout", ".yaml");
        Path stderr = Files.createTempFile(temp, "stderr", ".txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("migration-hooks did not finish within 3 minutes");
        }
        return new Run(process.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr, UTF_8));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }

    private Path jar() {
        return distribution.resolve("lib/migration-hooks.jar");
    }

    /** Where the JVM says it loaded the main class from ("shared objects file" = the cache). */
    private String mainClassSource(Run run) {
        return run.stderr().lines()
                .filter(line -> line.contains(" " + mainClass + " source:"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no class+load line for " + mainClass + " in:\n" + run.stderr()));
    }

    private Path onlyArchive() throws IOException {
        List<Path> archives = archivesUnder(cacheHome);
        assertThat(archives).as("archives under " + cacheHome).hasSize(1);
        return archives.get(0);
    }

    private static List<Path> archivesUnder(Path folder) throws IOException {
        return filesUnder(folder).stream().filter(file -> file.getFileName().toString().startsWith("archive.")
                        && !file.getFileName().toString().endsWith(".config"))
                .collect(Collectors.toList());
    }

    /**
     * Every path under {@code folder}, while a launcher may still be renaming and deleting in it (its
     * {@code current.PID} becomes {@code current}, old generations go): a path that vanishes between
     * being listed and being visited is skipped, where {@link Files#walk} would throw.
     */
    private static List<Path> filesUnder(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                found.add(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                found.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure == null || failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
        return found;
    }

    /** The file whose mtime the launcher's record keeps for {@code file} (see the launcher's record()). */
    private Path referenceFileOf(Path file) throws IOException {
        Path record = filesUnder(cacheHome).stream()
                .filter(path -> path.getFileName().toString().equals("current")).findFirst().orElseThrow();
        List<String> lines = Files.readAllLines(record, UTF_8);
        int index = lines.subList(4, lines.size()).indexOf(file.toString());
        assertThat(index).as(file + " in " + lines).isNotNegative();
        return Path.of(lines.get(0)).resolve("ref-" + index);
    }

    private List<Path> leftoverTemporaryFiles() throws IOException {
        return filesUnder(cacheHome).stream()
                .filter(file -> file.getFileName().toString().matches(".*\\.\\d+$|lock|.*\\.out|.*\\.config"))
                .collect(Collectors.toList());
    }

    /** Waits for the background training of the first run (a wait, not a speed assertion). */
    private Path awaitArchive() throws Exception {
        Instant deadline = Instant.now().plus(BACKGROUND_TRAINING_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            List<Path> archives = archivesUnder(cacheHome);
            boolean trainingDone = archives.size() == 1 && leftoverTemporaryFiles().isEmpty()
                    && Files.exists(archives.get(0).getParent().getParent().resolve("current"));
            if (trainingDone) {
                return archives.get(0);
            }
            Thread.sleep(200);
        }
        return fail("no cache under " + cacheHome + " after " + BACKGROUND_TRAINING_LIMIT);
    }
}
