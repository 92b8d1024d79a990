package io.migrationhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Helm 4.1 and 4.2 capture a post-renderer plugin's stderr and drop it. Run as CI runs it (no terminal,
 * every stream a file), the plugin's errors and notes must still be in Helm's stderr (docs/notes.md).
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"helm4", "helm4.2"})
class NotesReachTheUserTest {

    @Parameter
    String helmFlavour;

    @TempDir
    Path home;

    @Test
    void anErrorOfThePluginIsInHelmsStderr() {
        Helm helm = Helm.of(helmFlavour, home).withPluginInstalled(TestPaths.distribution());

        ProcessResult result = helm.runWithoutTerminal("template", "app", TestPaths.chart().toString(),
                "--post-renderer", "migration-hooks", "--post-renderer-args", "--max-stream-bytes=10");

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.stdout()).isEmpty();
        // Helm's own line comes first (it writes it after the plugin exits), the plugin's reason after it.
        assertThat(result.stderr()).as(result.describe())
                .contains("plugin \"migration-hooks\" exited with error")
                .containsOnlyOnce("migration-hooks: input is larger than 10 bytes (see --max-stream-bytes)\n");
    }

    @Test
    void aHazardNoteOfASuccessfulRenderIsInHelmsStderr() {
        Helm helm = Helm.of(helmFlavour, home).withPluginInstalled(TestPaths.distribution());

        ProcessResult result = helm.runWithoutTerminal("template", "app", TestPaths.testChart("singleton").toString(),
                "--post-renderer", "migration-hooks");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("type: Recreate");
        assertThat(result.stderr()).as(result.describe()).containsOnlyOnce(
                "migration-hooks: warning: Deployment/app-scheduler: kept as the chart wrote it");
        assertThat(result.stderr()).contains("[deployment-recreate]\n");
    }

    @Test
    void strictTurnsTheHazardIntoAnErrorHelmShows() {
        Helm helm = Helm.of(helmFlavour, home).withPluginInstalled(TestPaths.distribution());

        ProcessResult result = helm.runWithoutTerminal("template", "app", TestPaths.testChart("singleton").toString(),
                "--post-renderer", "migration-hooks", "--post-renderer-args", "--strict");

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).as(result.describe())
                .contains("[deployment-recreate]\n")
                .contains("migration-hooks: --strict: 1 hazard note(s) (deployment-recreate on Deployment/app-scheduler)");
    }

    @Test
    void anUnusableRuntimeIsReportedInHelmsStderrAndTheNotesFile() throws java.io.IOException {
        Helm helm = Helm.of(helmFlavour, home).withPluginInstalled(TestPaths.distribution());
        Path notes = home.resolve("notes.txt");

        ProcessResult result = helm.runWithoutTerminal(
                Map.of("JAVA_HOME", home.resolve("no-jdk").toString(), "MIGRATION_HOOKS_NOTES", notes.toString()),
                "template", "app", TestPaths.chart().toString(), "--post-renderer", "migration-hooks");

        String reason = "migration-hooks: JAVA_HOME=" + home.resolve("no-jdk") + " has no bin/java";
        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).as(result.describe()).containsOnlyOnce(reason);
        assertThat(java.nio.file.Files.readString(notes)).startsWith(reason);
    }
}
