package io.migrationhooks.it;

import static io.migrationhooks.it.Manifests.annotations;
import static io.migrationhooks.it.Manifests.at;
import static io.migrationhooks.it.Manifests.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm 3.18 runs the launcher as an executable post-renderer, never shows it the hooks and ignores hook
 * annotations it adds: the chart must declare the hooks itself (helm3Hooks.enabled) and --helm3 checks that.
 */
class Helm3ModeTest {

    @TempDir
    Path helmHome;

    @Test
    void chartWithoutItsOwnHooksIsRefusedNamingTheMigrationJob() {
        ProcessResult result = template("--post-renderer-args", "--helm3");

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("Job/app-migrations").contains("--helm3 the chart must declare");
    }

    @Test
    void withoutTheHelm3FlagUntaggedInputThatNeedsHooksIsRefused() {
        ProcessResult result = template();

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("--helm3");
    }

    @Test
    void helm3HooksModeRunsTheSameOrderAndThePostRendererEnforcesTheRollout() {
        ProcessResult result = template("--set", "helm3Hooks.enabled=true", "--post-renderer-args", "--helm3");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        List<Map<String, Object>> objects = Manifests.parse(result.stdout());
        assertThat(hookWeight(find(objects, "Secret", "app-database"))).isEqualTo("-30");
        assertThat(hookWeight(find(objects, "ConfigMap", "app-postgresql"))).isEqualTo("-30");
        assertThat(hookWeight(find(objects, "Service", "app-postgresql"))).isEqualTo("-20");
        assertThat(hookWeight(find(objects, "Service", "app-postgresql-hl"))).isEqualTo("-20");
        assertThat(hookWeight(find(objects, "StatefulSet", "app-postgresql"))).isEqualTo("-10");
        assertThat(annotations(find(objects, "StatefulSet", "app-postgresql")))
                .containsEntry("helm.sh/hook-delete-policy", "hook-failed")
                .containsEntry("helm.sh/resource-policy", "keep");
        Map<String, Object> job = find(objects, "Job", "app-migrations");
        assertThat(hookWeight(job)).isEqualTo("0");
        assertThat(annotations(job)).containsEntry("helm.sh/hook-delete-policy", "before-hook-creation");

        Map<String, Object> backend = find(objects, "Deployment", "app");
        assertThat(annotations(backend)).doesNotContainKey("helm.sh/hook");
        assertThat(at(backend, "spec.strategy.type")).isEqualTo("RollingUpdate");
        assertThat(at(backend, "spec.strategy.rollingUpdate.maxUnavailable")).isEqualTo(0);
        assertThat(at(backend, "spec.strategy.rollingUpdate.maxSurge")).isEqualTo(1);
    }

    private static Object hookWeight(Map<String, Object> object) {
        assertThat(annotations(object)).as(Manifests.id(object)).containsEntry("helm.sh/hook", "pre-install,pre-upgrade");
        return annotations(object).get("helm.sh/hook-weight");
    }

    private ProcessResult template(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("template", "app", TestPaths.chart().toString(),
                "--namespace", "demo", "--post-renderer", TestPaths.launcher().toString(),
                // Helm 3 runs the launcher itself, so the subcommand comes first in its arguments.
                "--post-renderer-args", "render"));
        args.addAll(List.of(extraArgs));
        return Helm.three(helmHome).run(args);
    }
}
