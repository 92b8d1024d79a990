package io.migrationhooks.it;

import static io.migrationhooks.it.ArgoCdPlugin.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Argo CD Config Management Plugin in argocd/: the fields Argo CD's CMP server requires, the
 * Application and sidecar snippets that go with it, and its commands run for real against chart/.
 */
class ArgoCdPluginTest {

    @TempDir
    Path home;

    @Test
    void thePluginHasTheFieldsArgoCdRequires() {
        Map<String, Object> plugin = ArgoCdPlugin.yaml("cmp-plugin.yaml");

        assertThat(at(plugin, "apiVersion")).isEqualTo("argoproj.io/v1alpha1");
        assertThat(at(plugin, "kind")).isEqualTo("ConfigManagementPlugin");
        assertThat(at(plugin, "metadata", "name")).isEqualTo("migration-hooks");
        assertThat(at(plugin, "spec", "version")).isInstanceOf(String.class);
        for (String step : List.of("init", "generate")) {
            assertThat(at(plugin, "spec", step, "command")).as(step + ".command")
                    .asInstanceOf(InstanceOfAssertFactories.LIST).isNotEmpty().allMatch(String.class::isInstance);
            assertThat(at(plugin, "spec", step, "args")).as(step + ".args")
                    .asInstanceOf(InstanceOfAssertFactories.LIST).allMatch(String.class::isInstance);
        }
        assertThat((String) ((List<?>) at(plugin, "spec", "generate", "args")).get(0))
                .contains("set -euo pipefail", "helm \"${helm_args[@]}\"", "| migration-hooks \"${render_args[@]}\"",
                        "render_args=(render --target argocd)");
        // Argo CD evaluates only the first of fileName, find.glob and find.command.
        assertThat(at(plugin, "spec", "discover")).isEqualTo(Map.of("fileName", "./Chart.yaml"));
    }

    @Test
    void theApplicationNamesThePluginAsArgoCdLooksItUp() {
        Map<String, Object> plugin = ArgoCdPlugin.yaml("cmp-plugin.yaml");
        Map<String, Object> application = ArgoCdPlugin.yaml("application.yaml");

        assertThat(at(application, "apiVersion")).isEqualTo("argoproj.io/v1alpha1");
        assertThat(at(application, "kind")).isEqualTo("Application");
        assertThat(at(application, "spec", "source", "plugin", "name"))
                .isEqualTo(at(plugin, "metadata", "name") + "-" + at(plugin, "spec", "version"));
        assertThat(at(application, "spec", "source", "path")).isEqualTo("chart");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSidecarRunsTheCmpServerAsUser999WithTheVolumesArgoCdShares() {
        Map<String, Object> patch = ArgoCdPlugin.yaml("repo-server-sidecar.yaml");
        Map<String, Object> sidecar = ((List<Map<String, Object>>) at(patch, "spec", "template", "spec", "containers")).get(0);

        assertThat(at(patch, "kind")).isEqualTo("Deployment");
        assertThat(at(patch, "metadata", "name")).isEqualTo("argocd-repo-server");
        assertThat(sidecar.get("command")).isEqualTo(List.of("/var/run/argocd/argocd-cmp-server"));
        assertThat(at(sidecar, "securityContext", "runAsUser")).isEqualTo(999);
        assertThat((List<Map<String, Object>>) sidecar.get("volumeMounts"))
                .extracting(mount -> mount.get("mountPath") + " <- " + mount.get("name"))
                .contains("/var/run/argocd <- var-files", "/home/argocd/cmp-server/plugins <- plugins")
                .anyMatch(mount -> mount.startsWith("/tmp <- ") && !mount.endsWith("<- tmp"));
    }

    @Test
    void theSidecarImageHoldsHelmTheLauncherAJreAndThePlugin() throws IOException {
        String dockerfile = Files.readString(ArgoCdPlugin.file("sidecar.Dockerfile"));

        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre",
                "COPY argocd/cmp-plugin.yaml /home/argocd/cmp-server/config/plugin.yaml",
                "COPY postrenderer/target/migration-hooks /opt/migration-hooks",
                "/usr/local/bin/migration-hooks", "/usr/local/bin/helm", "USER 999");
    }

    @Test
    void initAndGenerateRenderTheChartForArgoCd() {
        ProcessResult init = ArgoCdPlugin.run("init", TestPaths.chart(), home, Map.of()).requireSuccess();
        ProcessResult generate = ArgoCdPlugin.run("generate", TestPaths.chart(), home, Map.of()).requireSuccess();

        assertThat(init.stdout()).isEmpty();
        assertThat(generate.stdout())
                .contains("argocd.argoproj.io/hook: Sync", "argocd.argoproj.io/hook-delete-policy: BeforeHookCreation",
                        "argocd.argoproj.io/sync-options: \"Prune=false,Delete=false\"", "argocd.argoproj.io/sync-wave: \"10\"")
                .doesNotContain("helm.sh/hook");
        assertThat(generate.stderr()).doesNotContain("removed");
    }

    @Test
    void helmHooksTheChartDeclaresAreReplacedAndReported() {
        ProcessResult generate = ArgoCdPlugin.run("generate", TestPaths.chart(), home,
                Map.of("HELM_ARGS", "--set helm3Hooks.enabled=true")).requireSuccess();

        assertThat(generate.stdout()).doesNotContain("helm.sh/hook:", "helm.sh/hook-weight", "helm.sh/hook-delete-policy")
                .contains("argocd.argoproj.io/hook: Sync");
        assertThat(generate.stderr()).contains("migration-hooks: Job/app-migrations", "removed helm.sh/hook: pre-install,pre-upgrade");
    }

    @Test
    void aConfigFileNamedByTheApplicationSetsTheWaves() throws IOException {
        Path config = Files.writeString(home.resolve("waves.yaml"),
                "waves: {config: -3, services: -2, databaseWorkloads: -1, migrationJob: 5, deployments: 20}\n");

        ProcessResult generate = ArgoCdPlugin.run("generate", TestPaths.chart(), home,
                Map.of("MIGRATION_HOOKS_CONFIG", config.toString())).requireSuccess();

        assertThat(generate.stdout()).contains("argocd.argoproj.io/sync-wave: \"20\"", "argocd.argoproj.io/sync-wave: \"5\"",
                "argocd.argoproj.io/sync-wave: \"-1\"").doesNotContain("sync-wave: \"10\"");
    }

    @Test
    void aFailingHelmTemplateFailsTheGenerationWithNothingOnStdout() {
        ProcessResult generate = ArgoCdPlugin.run("generate", TestPaths.chart(), home,
                Map.of("HELM_ARGS", "--set backend.replicaCount=two"));

        assertThat(generate.exitCode()).isNotZero();
        assertThat(generate.stdout()).isEmpty();
    }
}
