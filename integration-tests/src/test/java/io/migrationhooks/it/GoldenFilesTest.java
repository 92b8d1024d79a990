package io.migrationhooks.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full output of the example chart through real Helm and the post-renderer, one approved file per
 * scenario in golden-files/. Release name and namespace are fixed and Helm's timestamp is dropped, so the
 * output only changes when the chart, Helm or the post-renderer does.
 */
class GoldenFilesTest {

    private static final String CHART = "./chart";
    private static final String PLUGIN = "migration-hooks";
    private static final Pattern TIMESTAMP_LINE = Pattern.compile("(?m)^LAST DEPLOYED: .*\\n");

    @TempDir
    Path helmHome;

    @Test
    void defaultValues() {
        verifyHelm4("default");
    }

    @Test
    void externalDatabase() {
        verifyHelm4("external-database",
                "--set", "postgresql.enabled=false",
                "--set", "externalDatabase.host=db.example.com",
                "--set", "externalDatabase.existingSecret=app-database-credentials");
    }

    @Test
    void migrationsOff() {
        verifyHelm4("migrations-off", "--set", "migrations.enabled=false");
    }

    @Test
    void oneBackendReplica() {
        verifyHelm4("one-backend-replica", "--set", "backend.replicaCount=1");
    }

    @Test
    void customConfig() {
        verifyHelm4("custom-config",
                "--post-renderer-args", "--config=" + TestPaths.testResource("golden/custom-config.yaml"));
    }

    @Test
    void helm3Mode() {
        List<String> args = List.of("template", "app", CHART, "--namespace", "demo",
                "--set", "helm3Hooks.enabled=true",
                "--post-renderer", PLUGIN, "--post-renderer-args", "render", "--post-renderer-args", "--helm3");
        // Helm 3 runs an executable, not a plugin: the launcher's path stands where the plugin name is shown.
        ProcessResult result = Helm.three(helmHome).run(withPaths(args, TestPaths.launcher().toString())).requireSuccess();
        GoldenFiles.verify("helm3-mode", header("Helm 3.18", args) + result.stdout());
    }

    @Test
    void argoCd() {
        // Exactly what Argo CD's repo-server gets from the plugin (argocd/cmp-plugin.yaml) for chart/.
        ProcessResult result = ArgoCdPlugin.run("generate", TestPaths.chart(), helmHome, java.util.Map.of()).requireSuccess();
        GoldenFiles.verify("argocd", "# Argo CD plugin argocd/cmp-plugin.yaml in ./chart: helm template "
                + ArgoCdPlugin.APP_NAME + " . --namespace " + ArgoCdPlugin.APP_NAMESPACE
                + " --kube-version 1.31.0 --api-versions ... | migration-hooks render --target argocd\n" + result.stdout());
    }

    private void verifyHelm4(String scenario, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("install", "app", CHART, "--dry-run=client",
                "--namespace", "demo", "--post-renderer", PLUGIN));
        args.addAll(List.of(extraArgs));
        Helm helm = Helm.four(helmHome).withPluginInstalled(TestPaths.distribution());
        ProcessResult result = helm.run(withPaths(args, PLUGIN)).requireSuccess();
        GoldenFiles.verify(scenario, header("Helm 4.1", args) + TIMESTAMP_LINE.matcher(result.stdout()).replaceAll(""));
    }

    /** The command as a reader would type it, with repository-relative paths. */
    private static String header(String helmVersion, List<String> args) {
        String command = String.join(" ", args)
                .replace(TestPaths.testResource("golden").toString(), "integration-tests/src/test/resources/golden");
        return "# " + helmVersion + ": helm " + command + "\n";
    }

    /** The arguments Helm gets: the real chart folder and post-renderer instead of the readable ones. */
    private static List<String> withPaths(List<String> args, String postRenderer) {
        return args.stream()
                .map(arg -> arg.equals(CHART) ? TestPaths.chart().toString() : arg)
                .map(arg -> arg.equals(PLUGIN) ? postRenderer : arg)
                .toList();
    }
}
