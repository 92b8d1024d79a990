package io.migrationhooks.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Helm binary with its own private configuration, data, cache and plugin folders, so a test never
 * reads or changes the user's Helm set-up.
 */
final class Helm {

    private final Path binary;
    private final Path home;

    private Helm(Path binary, Path home) {
        this.binary = binary;
        this.home = home;
    }

    static Helm four(Path home) {
        return new Helm(TestPaths.helm4(), home);
    }

    /** Helm of a flavour of scripts/provision-helm.sh (helm4, helm4.2, helm3). */
    static Helm of(String flavour, Path home) {
        return new Helm(TestPaths.helm(flavour), home);
    }

    static Helm three(Path home) {
        return new Helm(TestPaths.helm3(), home);
    }

    /** Installs a plugin from a local folder (Helm links to the folder rather than copying it). */
    Helm withPluginInstalled(Path pluginFolder) {
        run("plugin", "install", pluginFolder.toString()).requireSuccess();
        return this;
    }

    ProcessResult run(String... args) {
        return run(List.of(args));
    }

    /**
     * Runs Helm as CI does: in a new session (setsid), so there is no controlling terminal, with stdin,
     * stdout and stderr redirected to files.
     */
    ProcessResult runWithoutTerminal(String... args) {
        return runWithoutTerminal(Map.of(), args);
    }

    /** {@link #runWithoutTerminal(String...)} with these variables added to the environment. */
    ProcessResult runWithoutTerminal(Map<String, String> extraEnvironment, String... args) {
        List<String> command = new ArrayList<>(List.of("setsid", "--wait", binary.toString()));
        command.addAll(List.of(args));
        return Processes.run(command, environment -> {
            privateHomes(environment);
            environment.putAll(extraEnvironment);
        });
    }

    ProcessResult run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        return Processes.run(command, this::privateHomes);
    }

    private void privateHomes(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("HELM_") || name.equals("KUBECONFIG"));
        Path data = home.resolve("data");
        environment.put("HELM_CONFIG_HOME", home.resolve("config").toString());
        environment.put("HELM_DATA_HOME", data.toString());
        environment.put("HELM_CACHE_HOME", home.resolve("cache").toString());
        // Helm 4.1 installs local plugins into $HELM_DATA_HOME/plugins whatever HELM_PLUGINS says
        // (helm/helm#32646), so both point at the same private folder.
        environment.put("HELM_PLUGINS", data.resolve("plugins").toString());
        environment.put("KUBECONFIG", home.resolve("kubeconfig-absent").toString());
        // The launcher builds its class-data cache under XDG_CACHE_HOME: keep it out of the user's home too,
        // and build it before the run: a builder left in the background would still be writing into
        // this temporary folder when JUnit deletes it.
        environment.put("XDG_CACHE_HOME", home.resolve("xdg-cache").toString());
        environment.put("MIGRATION_HOOKS_CACHE", "foreground");
    }
}
