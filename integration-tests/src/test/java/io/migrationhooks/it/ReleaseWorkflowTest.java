package io.migrationhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * ci/github/workflows/release.yml publishes every archive the install tests install, under the file name
 * the build gives it and at the OCI reference docs/install.md names; a renamed archive fails here, not at
 * the first release.
 */
class ReleaseWorkflowTest {

    private static final String VERSION = "$VERSION";

    @Test
    void publishesEveryPostRendererArchiveAsAReleaseAssetAndAtItsOciTag() throws IOException {
        String workflow = workflow();

        for (PluginArchive archive : PluginArchive.all()) {
            String name = inWorkflowTerms(archive.file());
            assertThat(workflow).as(archive.name())
                    .contains("\"postrenderer/target/" + name + "\"")
                    .contains("scripts/push-plugin-oci.sh \"$ARCHIVES/" + name + "\"")
                    .contains("\"oci://$registry/migration-hooks:"
                            + archive.ociTag().replace(TestPaths.projectVersion(), VERSION) + "\"");
        }
    }

    @Test
    void publishesTheHooksArchiveAsAReleaseAssetAndAtItsOciTag() throws IOException {
        String name = inWorkflowTerms(TestPaths.archive("hooks.archive"));

        assertThat(workflow())
                .contains("\"postrenderer/target/" + name + "\"")
                .contains("scripts/push-plugin-oci.sh \"$ARCHIVES/" + name + "\" \"oci://$registry/hooks:$VERSION\"");
    }

    private static String inWorkflowTerms(Path archive) {
        return archive.getFileName().toString().replace(TestPaths.projectVersion(), VERSION);
    }

    private static String workflow() throws IOException {
        return Files.readString(TestPaths.repoRoot().resolve("ci/github/workflows/release.yml"));
    }
}
