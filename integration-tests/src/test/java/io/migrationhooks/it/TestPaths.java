package io.migrationhooks.it;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tools and inputs of the tests are; the pom passes them as system properties. */
final class TestPaths {

    private TestPaths() {
    }

    static Path helm4() {
        return helmBinary("helm4.binary", "Helm 4", "helm4");
    }

    /** A Helm binary by its flavour in scripts/provision-helm.sh: helm4 (4.1), helm4.2 or helm3. */
    static Path helm(String flavour) {
        return helmBinary(flavour + ".binary", "Helm flavour " + flavour, flavour);
    }

    static Path helm3() {
        return helmBinary("helm3.binary", "Helm 3", "helm3");
    }

    /** The packaged distribution: a Helm plugin folder with bin/migration-hooks. */
    static Path distribution() {
        Path dir = path("distribution.dir");
        if (!Files.isExecutable(dir.resolve("bin/migration-hooks")) || !Files.isRegularFile(dir.resolve("plugin.yaml"))) {
            fail("No packaged migration-hooks distribution with bin/migration-hooks and plugin.yaml at " + dir
                    + ". Build it first: mvn -B -q -pl postrenderer package -DskipTests");
        }
        return dir;
    }

    /** A release archive the build made, by its system property (the pom sets one per archive). */
    static Path archive(String property) {
        return path(property);
    }

    static String projectVersion() {
        String version = System.getProperty("project.version");
        if (version == null || version.isBlank()) {
            fail("System property project.version is not set; run the tests through Maven (mvn -B verify)");
        }
        return version;
    }

    static Path launcher() {
        return distribution().resolve("bin/migration-hooks");
    }

    static Path chart() {
        return existing(path("chart.dir"), "the example chart");
    }

    static Path repoRoot() {
        return existing(path("repo.root"), "the repository root");
    }

    static Path goldenFiles() {
        return path("golden.dir");
    }

    static Path testChart(String name) {
        return existing(Path.of("src/test/resources/charts", name).toAbsolutePath(), "test chart " + name);
    }

    static Path testResource(String relative) {
        return existing(Path.of("src/test/resources", relative).toAbsolutePath(), "test resource");
    }

    private static Path helmBinary(String property, String what, String flavour) {
        Path binary = path(property);
        if (!Files.isExecutable(binary)) {
            fail(what + " not found at " + binary + " (system property " + property + "). Provision it with: "
                    + "scripts/provision-helm.sh --print " + flavour);
        }
        return binary;
    }

    private static Path existing(Path path, String what) {
        if (!Files.exists(path)) {
            fail("Missing " + what + " at " + path);
        }
        return path;
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            fail("System property " + property + " is not set; run the tests through Maven (mvn -B verify)");
        }
        return Path.of(value).toAbsolutePath();
    }
}
