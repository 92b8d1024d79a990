package io.migrationhooks.it;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A release archive of the post-renderer plugin as the build makes it, and the OCI tag the release
 * workflow publishes it under (ci/github/workflows/release.yml).
 */
record PluginArchive(String name, Path file, String ociTag) {

    /** Every archive a release publishes; the tests that install archives run once per entry. */
    static List<PluginArchive> all() {
        String version = TestPaths.projectVersion();
        return List.of(
                new PluginArchive("portable", TestPaths.archive("portable.archive"), version));
    }

    PluginArchive {
        if (!Files.isRegularFile(file)) {
            fail("No " + name + " archive at " + file + ". Build it first: mvn -B -q -pl postrenderer package -DskipTests");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
