package io.migrationhooks.it;

import static io.migrationhooks.it.Manifests.annotations;
import static io.migrationhooks.it.Manifests.at;
import static io.migrationhooks.it.Manifests.find;
import static io.migrationhooks.it.Manifests.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The example chart installed (dry run) by real Helm 4.1 and 4.2 with the migration-hooks plugin. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"helm4", "helm4.2"})
class Helm4PluginDryRunTest {

    @Parameter
    String helmFlavour;

    private static final List<String> DATABASE_HOOKS = List.of(
            "Secret/app-database", "ConfigMap/app-postgresql",
            "Service/app-postgresql", "Service/app-postgresql-hl",
            "StatefulSet/app-postgresql");
    private static final String MIGRATION_JOB = "Job/app-migrations";

    @TempDir
    Path helmHome;

    private Helm helm;

    @BeforeEach
    void installPlugin() {
        helm = Helm.of(helmFlavour, helmHome).withPluginInstalled(TestPaths.distribution());
    }

    @Test
    void hooksCreateConfigThenServicesThenDatabaseThenRunTheMigration() {
        DryRunOutput output = dryRun();

        // Helm lists hooks grouped by kind; it runs them sorted by weight, then by name.
        assertThat(output.hooks()).extracting(Manifests::kind)
                .containsExactly("Secret", "ConfigMap", "Service", "Service", "StatefulSet", "Job");
        assertThat(HelmHookOrder.executionOrder(output.hooks())).extracting(Manifests::id).containsExactly(
                "Secret/app-database", "ConfigMap/app-postgresql",
                "Service/app-postgresql", "Service/app-postgresql-hl",
                "StatefulSet/app-postgresql",
                MIGRATION_JOB);
        assertThat(HelmHookOrder.executionOrder(output.hooks())).extracting(HelmHookOrder::weight)
                .containsExactly(-30, -30, -20, -20, -10, 0);
        assertThat(output.hooks()).allSatisfy(hook ->
                assertThat(annotations(hook)).containsEntry("helm.sh/hook", "pre-install,pre-upgrade"));
    }

    @Test
    void databaseHooksAreNeverDeletedOrRecreatedByHelm() {
        DryRunOutput output = dryRun();

        for (String id : DATABASE_HOOKS) {
            Map<String, Object> hook = find(output.hooks(), id.split("/")[0], id.split("/")[1]);
            assertThat(annotations(hook)).as(id)
                    .containsEntry("helm.sh/resource-policy", "keep")
                    .containsEntry("helm.sh/hook-delete-policy", "hook-failed");
        }
    }

    @Test
    void migrationJobReplacesItsPreviousRunAndShowsItsLogsWhenItFails() {
        Map<String, Object> job = find(dryRun().hooks(), "Job", "app-migrations");

        assertThat(annotations(job))
                .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation")
                .containsEntry("helm.sh/hook-output-log-policy", "hook-failed")
                .doesNotContainKey("helm.sh/resource-policy");
    }

    @Test
    void backendIsAReleaseResourceThatNeverDropsBelowItsReplicas() {
        DryRunOutput output = dryRun();

        assertThat(ids(output.manifest())).containsExactlyInAnyOrder("Service/app", "Deployment/app");
        Map<String, Object> backend = find(output.manifest(), "Deployment", "app");
        assertThat(annotations(backend)).doesNotContainKey("helm.sh/hook");
        assertThat(at(backend, "spec.replicas")).isEqualTo(3);
        assertThat(at(backend, "spec.strategy.type")).isEqualTo("RollingUpdate");
        assertThat(at(backend, "spec.strategy.rollingUpdate.maxUnavailable")).isEqualTo(0);
        assertThat(at(backend, "spec.strategy.rollingUpdate.maxSurge")).isEqualTo(1);
    }

    @Test
    void postRendererArgsReachTheLauncher() throws IOException {
        Path config = Files.writeString(helmHome.resolve("weights.yaml"), """
                weights: {config: -7, services: -6, databaseWorkloads: -5, migrationJob: 4}
                rollout: {maxSurge: 2, maxUnavailable: 0}
                """);

        DryRunOutput output = dryRun("--post-renderer-args", "--config=" + config);

        assertThat(HelmHookOrder.executionOrder(output.hooks())).extracting(HelmHookOrder::weight)
                .containsExactly(-7, -7, -6, -6, -5, 4);
        assertThat(at(find(output.manifest(), "Deployment", "app"), "spec.strategy.rollingUpdate.maxSurge"))
                .isEqualTo(2);
    }

    @Test
    void installedPluginCarriesTheProjectVersion() {
        String version = System.getProperty("project.version");
        assertThat(version).as("project.version system property from the pom").isNotBlank();

        assertThat(helm.run("plugin", "list").requireSuccess().stdout().lines()
                .filter(line -> line.startsWith("migration-hooks")).map(line -> List.of(line.split("\\s+"))))
                .singleElement().satisfies(columns -> assertThat(columns).contains(version, "postrenderer/v1"));
    }

    @Test
    void mainCommandPrintsTheHooksInExecutionOrderThenTheRollout() {
        ProcessResult run = Processes.run(List.of(TestPaths.repoRoot().resolve("scripts/render-example.sh").toString()),
                environment -> {
                    environment.put("XDG_CACHE_HOME", helmHome.resolve("xdg-cache").toString());
                    environment.put("MIGRATION_HOOKS_CACHE", "foreground"); // no builder left writing into the temporary home
                });

        assertThat(ExamplePlan.normalisedLines(run.requireSuccess().stdout()))
                .containsSubsequence(ExamplePlan.DEFAULT_TABLE_LINES);
    }

    private DryRunOutput dryRun(String... extraArgs) {
        return DryRunOutput.parse(dryRunStdout(extraArgs));
    }

    private String dryRunStdout(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("install", "app", TestPaths.chart().toString(),
                "--dry-run=client", "--namespace", "demo", "--post-renderer", "migration-hooks"));
        args.addAll(List.of(extraArgs));
        return helm.run(args).requireSuccess().stdout();
    }
}
