package io.migrationhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm itself is the oracle: a chart of tricky YAML that no rule touches must come out of Helm 4 with
 * migration-hooks exactly as it comes out with a post-renderer that changes nothing (cat).
 */
class FidelityOracleTest {

    @TempDir
    Path helmHome;

    @Test
    void streamWhereNoRuleAppliesIsByteIdenticalToAPassThroughPostRenderer() throws IOException {
        Helm helm = Helm.four(helmHome)
                .withPluginInstalled(TestPaths.distribution())
                .withPluginInstalled(passThroughPlugin());
        String chart = TestPaths.testChart("fidelity").toString();

        String passedThrough = helm.run("template", "fid", chart, "--post-renderer", "pass-through")
                .requireSuccess().stdout();
        String rendered = helm.run("template", "fid", chart, "--post-renderer", "migration-hooks")
                .requireSuccess().stdout();

        assertThat(passedThrough).contains("kind: ScalarCorpus", "octal: 0777", "twoToTheSeventy: 1180591620717411303424",
                "onValue: on", "tilde: ~", "literalKeep: |+", "migration-hooks.io/rollout: unmanaged");
        assertThat(rendered).as(() -> "migration-hooks changed what Helm reads\n"
                + TextDiff.firstDifference(passedThrough, rendered)).isEqualTo(passedThrough);
    }

    /** A plugin of the same shape as migration-hooks whose command is cat. */
    private Path passThroughPlugin() throws IOException {
        Path folder = Files.createDirectories(helmHome.resolve("pass-through"));
        Files.writeString(folder.resolve("plugin.yaml"), """
                apiVersion: v1
                type: postrenderer/v1
                name: pass-through
                version: 0.1.0
                runtime: subprocess
                runtimeConfig:
                  platformCommand:
                    - command: cat
                """);
        return folder;
    }
}
