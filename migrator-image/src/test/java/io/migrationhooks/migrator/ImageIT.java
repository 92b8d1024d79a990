package io.migrationhooks.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the image tar that `mvn package` built with Jib and checks what a registry and a kubelet would see. */
class ImageIT {
    private static final Path TARGET = Path.of(System.getProperty("migrator.image.dir", "target"));
    private static final String MAIN_CLASS = System.getProperty("migrator.image.main-class", "io.migrationhooks.migrator.Main");

    private static Map<String, byte[]> image;
    private static Map<String, Object> manifest;
    private static Map<String, Object> config;

    @TempDir
    Path tmp;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readImage() throws IOException {
        image = entries(Files.newInputStream(TARGET.resolve("migrator-image.tar")));
        manifest = (Map<String, Object>) ((List<Object>) Json.parse(text(image.get("manifest.json")))).get(0);
        config = (Map<String, Object>) Json.parse(text(image.get((String) manifest.get("Config"))));
    }

    @Test
    void entrypointUserAndLabels() {
        Map<String, Object> container = object(config, "config");

        assertThat(container.get("Entrypoint")).asList().containsExactly("java",
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
                "-XX:-UsePerfData", "-Dfile.encoding=UTF-8", "-cp", "@/app/jib-classpath-file", MAIN_CLASS);
        assertThat(container.get("User")).isEqualTo("65532:65532");
        assertThat(object(container, "Labels"))
                .containsEntry("org.opencontainers.image.version", System.getProperty("migrator.image.version"))
                .containsEntry("org.opencontainers.image.revision", System.getProperty("migrator.image.revision"));
        assertThat(container.get("Env")).asList().contains("JAVA_HOME=/opt/java/openjdk")
                .anySatisfy(env -> assertThat((String) env).startsWith("PATH=/opt/java/openjdk/bin:"));
        assertThat(config.get("created")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(config).containsEntry("architecture", "amd64").containsEntry("os", "linux");
    }

    @Test
    void layersAreTheJlinkJreThenJibsDependenciesResourcesAndClasses() throws Exception {
        List<Map<String, List<String>>> layers = layerContents();
        List<String> comments = new ArrayList<>();
        for (Object step : (List<?>) config.get("history")) {
            Map<?, ?> history = (Map<?, ?>) step;
            comments.add(history.containsKey("comment") ? (String) history.get("comment") : (String) history.get("created_by"));
        }

        assertThat(comments).hasSize(5);
        assertThat(comments.get(0)).startsWith("migrator-image/scripts/make-base-image.sh (jlink java.base,");
        assertThat(comments.subList(1, 5)).containsExactly("dependencies", "resources", "classes", "jvm arg files");
        assertThat(layers.get(0)).containsKeys("opt/java/openjdk/bin/java", "opt/java/openjdk/lib/modules",
                "lib64/ld-linux-x86-64.so.2", "etc/passwd", "tmp/");
        assertThat(layers.get(1)).containsKeys("app/libs/flyway-core-13.12.0.jar",
                "app/libs/flyway-database-postgresql-13.12.0.jar", "app/libs/postgresql-42.7.14.jar");
        assertThat(layers.get(1).keySet()).noneMatch(name -> name.contains("zonky") || name.contains("junit"));
        assertThat(layers.get(2)).containsKeys("app/resources/db/migration/V1__create_orders.sql",
                "app/resources/db/migration/V2__create_order_items.sql");
        assertThat(layers.get(3)).containsKey("app/classes/" + MAIN_CLASS.replace('.', '/') + ".class");
        assertThat(layers.get(4)).containsKeys("app/jib-classpath-file", "app/jib-main-class-file");
        assertThat(layers).allSatisfy(layer -> assertThat(layer.values()).allSatisfy(owner -> assertThat(owner).containsExactly("0", "0")));

        String passwd = text(layerFile(0, "etc/passwd"));
        assertThat(passwd).contains(":65532:65532:");
    }

    @Test
    void baseLayerIsTheOfflineJlinkTar() throws Exception {
        Map<String, byte[]> base = entries(Files.newInputStream(TARGET.resolve("base-image/migrator-jre-base.tar")));
        Map<?, ?> baseConfig = (Map<?, ?>) Json.parse(text(base.get("config.json")));

        assertThat(object(config, "rootfs").get("diff_ids")).asList().first()
                .isEqualTo(((List<?>) ((Map<?, ?>) baseConfig.get("rootfs")).get("diff_ids")).get(0));
    }

    @Test
    void layerBlobsMatchTheirDigestsAndDiffIds() throws Exception {
        List<?> layerFiles = (List<?>) manifest.get("Layers");
        List<?> diffIds = (List<?>) object(config, "rootfs").get("diff_ids");
        assertThat(layerFiles).hasSameSizeAs(diffIds).hasSize(5);
        for (int i = 0; i < layerFiles.size(); i++) {
            byte[] compressed = image.get((String) layerFiles.get(i));
            assertThat(sha256(compressed) + ".tar.gz").isEqualTo(layerFiles.get(i));
            assertThat("sha256:" + sha256(new GZIPInputStream(new ByteArrayInputStream(compressed)).readAllBytes()))
                    .isEqualTo(diffIds.get(i));
        }
    }

    @Test
    void twoBuildsGiveTheSameDigestAndTheSameBytes() throws Exception {
        Path again = TARGET.resolve("reproducibility");

        assertThat(Files.readString(TARGET.resolve("migrator-image.digest")))
                .startsWith("sha256:")
                .isEqualTo(Files.readString(again.resolve("migrator-image.digest")));
        assertThat(Files.readString(TARGET.resolve("migrator-image.id")))
                .isEqualTo(Files.readString(again.resolve("migrator-image.id")));
        assertThat(Files.mismatch(TARGET.resolve("base-image/migrator-jre-base.tar"), again.resolve("migrator-jre-base.tar")))
                .as("the base image script is deterministic").isEqualTo(-1);
        assertThat(Files.mismatch(TARGET.resolve("migrator-image.tar"), again.resolve("migrator-image.tar"))).isEqualTo(-1);
    }

    /**
     * Unpacks the layers into a root filesystem and runs the entrypoint there as the image's user,
     * the way a container runtime would (chroot plus a private /proc; needs root, as CI has). The root
     * filesystem is mounted read-only, as with the chart's `readOnlyRootFilesystem: true`.
     */
    @Test
    void theImageRunsAsItsUserAndMigratesARealDatabase() throws Exception {
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        for (Object layer : (List<?>) manifest.get("Layers")) {
            Path blob = Files.write(tmp.resolve((String) layer), image.get((String) layer));
            run(List.of("tar", "-xzf", blob.toString(), "-C", rootfs.toString()), Map.of(), 60);
        }
        Files.createDirectories(rootfs.resolve("proc"));
        Map<String, Object> container = object(config, "config");

        try (PostgresServer server = PostgresServer.start()) {
            String database = server.createDatabase("image_run");
            Map<String, String> env = new LinkedHashMap<>();
            for (Object variable : (List<?>) container.get("Env")) {
                String[] nameAndValue = ((String) variable).split("=", 2);
                env.put(nameAndValue[0], nameAndValue[1]);
            }
            env.put("FLYWAY_URL", "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database);
            env.put("FLYWAY_USER", PostgresServer.APP_USER);
            env.put("FLYWAY_PASSWORD", PostgresServer.APP_PASSWORD);
            env.put("MIGRATOR_WAIT_TIMEOUT", "30");
            List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child",
                    "sh", "-c", "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\""
                            + " && mount -t proc proc \"$0/proc\" && user=$1 && shift && exec chroot --userspec=\"$user\" \"$0\" \"$@\"",
                    rootfs.toString()));
            command.add((String) container.get("User"));
            for (Object argument : (List<?>) container.get("Entrypoint")) {
                command.add((String) argument);
            }

            Run run = run(command, env, 120);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).as(run.toString()).contains("migrator: done: version empty -> 3, 3 migrations applied in ");
            assertThat(run.err()).as("no JVM or Flyway noise").isEmpty();
            assertThat(server.queryColumn(database, "SELECT count(*) FROM flyway_schema_history WHERE success")).containsExactly("3");
        }
    }

    private static Run run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        Path out = Files.createTempFile("image-run", ".out");
        Path err = Files.createTempFile("image-run", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (!env.isEmpty()) {
            builder.environment().clear();
            builder.environment().putAll(env);
        }
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** Per layer: entry name (without leading ./ or /) to its owner uid and gid. */
    private static List<Map<String, List<String>>> layerContents() throws IOException {
        List<Map<String, List<String>>> layers = new ArrayList<>();
        for (Object layer : (List<?>) manifest.get("Layers")) {
            Map<String, List<String>> owners = new LinkedHashMap<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new GZIPInputStream(new ByteArrayInputStream(image.get((String) layer))))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    owners.put(normalize(entry.getName()), List.of(Long.toString(entry.getLongUserId()), Long.toString(entry.getLongGroupId())));
                }
            }
            layers.add(owners);
        }
        return layers;
    }

    private static byte[] layerFile(int index, String name) throws IOException {
        String layer = (String) ((List<?>) manifest.get("Layers")).get(index);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(image.get(layer))))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (normalize(entry.getName()).equals(name)) {
                    return tar.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " not in layer " + index);
    }

    private static Map<String, byte[]> entries(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(normalize(entry.getName()), tar.readAllBytes());
            }
        }
        return entries;
    }

    private static String normalize(String name) {
        return name.startsWith("./") ? name.substring(2) : name.startsWith("/") ? name.substring(1) : name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<?, ?> parent, String name) {
        return (Map<String, Object>) parent.get(name);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
