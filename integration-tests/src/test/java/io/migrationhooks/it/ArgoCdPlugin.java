package io.migrationhooks.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * argocd/cmp-plugin.yaml as Argo CD's CMP server runs it: a step's command plus args, in the chart
 * folder, with the build environment Argo CD sets and, on PATH, the real Helm 4 and the packaged
 * migration-hooks launcher (as the sidecar image provides them).
 */
final class ArgoCdPlugin {
    static final String APP_NAME = "app";
    static final String APP_NAMESPACE = "demo";
    private static final long TIMEOUT_SECONDS = 180;

    private ArgoCdPlugin() {
    }

    static Path file(String name) {
        Path file = Path.of(System.getProperty("repo.root"), "argocd", name).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("Missing " + file);
        }
        return file;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String name) {
        try {
            return (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(file(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> map, String... path) {
        Object node = map;
        for (String key : path) {
            node = node instanceof Map<?, ?> mapping ? ((Map<String, Object>) mapping).get(key) : null;
        }
        return node;
    }

    /** Runs spec.<step> (init or generate) of the plugin in {@code chart}; Helm keeps its state under {@code home}. */
    @SuppressWarnings("unchecked")
    static ProcessResult run(String step, Path chart, Path home, Map<String, String> applicationEnv) {
        Map<String, Object> plugin = yaml("cmp-plugin.yaml");
        List<String> command = new ArrayList<>((List<String>) at(plugin, "spec", step, "command"));
        Object args = at(plugin, "spec", step, "args");
        if (args != null) {
            command.addAll((List<String>) args);
        }
        try {
            // Outside the test's temporary folder, whose clean-up warns about links leading out of it.
            Path bin = Files.createDirectories(Path.of("target", "argocd-plugin-bin").toAbsolutePath());
            link(bin.resolve("helm"), TestPaths.helm4());
            link(bin.resolve("migration-hooks"), TestPaths.launcher());
            Path stdout = Files.createTempFile(home, "stdout", ".txt");
            Path stderr = Files.createTempFile(home, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(chart.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("HELM_") || name.startsWith("ARGOCD_")
                    || name.equals("KUBECONFIG"));
            environment.put("PATH", bin + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
            environment.put("HELM_CONFIG_HOME", home.resolve("config").toString());
            environment.put("HELM_DATA_HOME", home.resolve("data").toString());
            environment.put("HELM_CACHE_HOME", home.resolve("cache").toString());
            environment.put("KUBECONFIG", home.resolve("kubeconfig-absent").toString());
            environment.put("XDG_CACHE_HOME", home.resolve("xdg-cache").toString());
            environment.put("MIGRATION_HOOKS_CACHE", "foreground"); // no builder left writing into the temporary home
            // Argo CD's build environment (user-guide/build-environment.md); Application env gets the ARGOCD_ENV_ prefix.
            environment.put("ARGOCD_APP_NAME", APP_NAME);
            environment.put("ARGOCD_APP_NAMESPACE", APP_NAMESPACE);
            environment.put("KUBE_VERSION", "1.31.0");
            environment.put("KUBE_API_VERSIONS", "v1,apps/v1,batch/v1");
            applicationEnv.forEach((name, value) -> environment.put("ARGOCD_ENV_" + name, value));
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Timed out after " + TIMEOUT_SECONDS + " s: plugin " + step);
            }
            return new ProcessResult(command, process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("Could not run the plugin's " + step + " step", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted: plugin " + step, e);
        }
    }

    private static void link(Path link, Path target) throws IOException {
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
    }
}
