package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationhooks.yaml.BadInputException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleaseDependencyGuardTest {
  private static final String STREAM = """
      apiVersion: v1
      kind: Secret
      metadata: {name: db-password, annotations: {helm.sh/hook: post-install}}
      ---
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate, labels: {app.kubernetes.io/component: migration}}
      spec:
        template:
          spec:
            containers: [{name: m, env: [{name: P, valueFrom: {secretKeyRef: {name: db-password, key: p}}}]}]
      """;

  @Test
  void refusesAPreInstallJobThatNeedsSomethingCreatedAfterIt() {
    assertThatThrownBy(() -> render(STREAM, Settings.defaults()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("Job/migrate runs as a pre-install hook and needs Secret/db-password")
        .hasMessageContaining("--allow-release-dependency db-password");
  }

  @Test
  void allowingTheDependencyRendersIt() {
    Settings settings = Settings.defaults();
    settings.allowedReleaseDependencies = Set.of("Secret/db-password");

    assertThat(render(STREAM, settings).output()).contains("pre-install,pre-upgrade");
  }

  @Test
  void aChartPreInstallHookWithAHigherWeightMovesTheJobAfterIt() {
    String stream = STREAM.replace("{helm.sh/hook: post-install}", "{helm.sh/hook: pre-install, helm.sh/hook-weight: \"3\"}");

    RenderResult result = render(stream, Settings.defaults());

    assertThat(result.output()).contains("\"helm.sh/hook-weight\": \"4\"");
    assertThat(result.notes()).contains("Job/migrate: weight 4, after the chart's hook Secret/db-password that it needs");
  }

  private static RenderResult render(String stream, Settings settings) {
    return new Renderer().render(stream, settings, RenderOptions.of(Mode.ASSUME_HOOKS_HONORED));
  }
}
