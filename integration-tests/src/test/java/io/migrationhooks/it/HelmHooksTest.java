package io.migrationhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code helm hooks plan|check}: the {@code hooks} CLI plugin, installed from its signed archive beside the
 * migration-hooks post-renderer, renders a chart through real Helm 4.1 and 4.2 with the post-renderer and
 * runs the post-renderer's own plan or check on the result, with nothing on PATH.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"helm4", "helm4.2"})
class HelmHooksTest {

    @Parameter
    String helmFlavour;

    @TempDir
    Path helmHome;

    @TempDir
    static Path work;

    private static TestRelease release;
    private static Path hooksArchive;

    /** The hooks archive as a release publishes it: signed, and pushed to a registry. */
    @BeforeAll
    static void publishTheHooksArchive() throws IOException, InterruptedException {
        release = TestRelease.start(work);
        hooksArchive = release.publish(TestPaths.archive("hooks.archive"), "hooks", TestPaths.projectVersion());
    }

    @AfterAll
    static void stop() {
        if (release != null) {
            release.close();
        }
    }

    @Test
    void installsFromAnOciRegistryAndChecks() {
        Helm helm = Helm.of(helmFlavour, helmHome).withPluginInstalled(TestPaths.distribution());
        ProcessResult install = helm.run("plugin", "install", release.ociReference("hooks", TestPaths.projectVersion()),
                "--plain-http", "--keyring", release.keyring().toString()).requireSuccess();
        assertThat(install.stdout()).contains("Plugin Hash Verified", "Installed plugin: hooks");

        ProcessResult check = helm.run("hooks", "check", "app", TestPaths.chart().toString());

        assertThat(check.exitCode()).as(check.describe()).isZero();
        assertThat(check.stderr()).contains("check passed");
    }

    @Test
    void planPrintsTheHooksInTheOrderHelmRunsThemThenTheRollout() {
        ProcessResult plan = withBothPlugins().run("hooks", "plan", "app", TestPaths.chart().toString(), "-n", "demo")
                .requireSuccess();

        assertThat(ExamplePlan.normalisedLines(plan.stdout())).containsSubsequence(ExamplePlan.DEFAULT_TABLE_LINES);
    }

    @Test
    void helmFlagsShapeTheRenderAndOptionsAfterTheSeparatorReachPlan() throws IOException {
        Path values = Files.writeString(helmHome.resolve("values.yaml"), "backend:\n  replicaCount: 2\n");

        ProcessResult plan = withBothPlugins().run("hooks", "plan", "app", TestPaths.chart().toString(),
                "-f", values.toString(), "--set", "migrations.enabled=false", "--", "--output", "json").requireSuccess();

        // JSON (the option after --), two replicas (-f), and no migration Job (--set).
        assertThat(plan.stdout()).startsWith("{")
                .containsPattern("\"rollouts\": \\[\\s*\\{\\s*\"kind\": \"Deployment\",\\s*\"namespace\": null,"
                        + "\\s*\"name\": \"app\",\\s*\"document\": \\d+,\\s*\"replicas\": 2,")
                .doesNotContain("app-migrations");
    }

    @Test
    void configReachesBothThePostRendererAndPlan() throws IOException {
        Path config = Files.writeString(helmHome.resolve("weights.yaml"),
                "weights: {config: -7, services: -6, databaseWorkloads: -5, migrationJob: 4}\n");

        ProcessResult plan = withBothPlugins().run("hooks", "plan", "app", TestPaths.chart().toString(),
                "--config", config.toString()).requireSuccess();

        assertThat(ExamplePlan.normalisedLines(plan.stdout())).containsSubsequence(
                "-7 Secret/app-database dependency no kept yes install,upgrade",
                "-6 Service/app-postgresql database-service no kept yes install,upgrade",
                "-5 StatefulSet/app-postgresql database no kept yes install,upgrade",
                "4 Job/app-migrations migration-job yes recreated - install,upgrade");
    }

    @Test
    void checkPassesTheExampleChart() {
        ProcessResult check = withBothPlugins().run("hooks", "check", "app", TestPaths.chart().toString());

        assertThat(check.exitCode()).as(check.describe()).isZero();
        assertThat(check.stdout()).as(check.describe()).isEmpty();
        assertThat(check.stderr()).contains("check passed");
    }

    @Test
    void checkFailsTheBuildOnAHazardWithOneLinePerFinding() {
        ProcessResult check = withBothPlugins().runWithoutTerminal("hooks", "check", "app",
                TestPaths.testChart("singleton").toString());

        assertThat(check.exitCode()).as(check.describe()).isEqualTo(4);
        assertThat(check.stdout().lines()).as(check.describe())
                .anySatisfy(line -> assertThat(line).startsWith("deployment-recreate Deployment/app-scheduler: "));
    }

    @Test
    void aChartThatDoesNotRenderFailsWithHelmsReasonAndNoPlan() {
        ProcessResult plan = withBothPlugins().runWithoutTerminal("hooks", "plan", "app",
                helmHome.resolve("no-such-chart").toString());

        assertThat(plan.exitCode()).as(plan.describe()).isNotZero();
        assertThat(plan.stdout()).isEmpty();
        assertThat(plan.stderr()).contains("no-such-chart").contains("helm hooks: helm template failed");
    }

    @Test
    void withoutThePostRendererItSaysWhatToInstall() {
        Helm helm = Helm.of(helmFlavour, helmHome);
        installHooks(helm);

        ProcessResult plan = helm.runWithoutTerminal("hooks", "plan", "app", TestPaths.chart().toString());

        assertThat(plan.exitCode()).as(plan.describe()).isNotZero();
        assertThat(plan.stdout()).isEmpty();
        assertThat(plan.stderr()).contains("helm hooks: the migration-hooks post-renderer plugin is not installed");
    }

    private Helm withBothPlugins() {
        Helm helm = Helm.of(helmFlavour, helmHome).withPluginInstalled(TestPaths.distribution());
        installHooks(helm);
        return helm;
    }

    private static void installHooks(Helm helm) {
        ProcessResult install = helm.run("plugin", "install", hooksArchive.toString(),
                "--keyring", release.keyring().toString()).requireSuccess();
        assertThat(install.stdout()).contains("Plugin Hash Verified", "Installed plugin: hooks");
    }
}
