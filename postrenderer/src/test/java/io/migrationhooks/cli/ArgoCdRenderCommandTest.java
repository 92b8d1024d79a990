package io.migrationhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgoCdRenderCommandTest {
  @Test
  void reportsEveryRemovedHelmAnnotationOnStderrWithoutSecretData() throws IOException {
    Cli cli = Cli.run(FixturesTest.read("argocd-existing-helm-hooks", "input.yaml"), "render", "--target", "argocd");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.errLines()).containsExactly(
        "migration-hooks: Job/shop-migrate: removed helm.sh/hook: pre-install,pre-upgrade (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)",
        "migration-hooks: Job/shop-migrate: removed helm.sh/hook-weight: 5 (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)",
        "migration-hooks: Job/shop-migrate: removed helm.sh/hook-delete-policy: hook-succeeded (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)",
        "migration-hooks: Secret/shop-db: removed helm.sh/hook: pre-install (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)",
        "migration-hooks: Secret/shop-db: removed helm.sh/hook-weight: -5 (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)",
        "migration-hooks: Secret/shop-db: removed helm.sh/hook-delete-policy: before-hook-creation (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)",
        "migration-hooks: StatefulSet/shop-db: removed helm.sh/hook: pre-install,pre-upgrade (Argo CD would read it; this mode orders the resource with argocd.argoproj.io/sync-wave)",
        "migration-hooks: Deployment/shop-backend: strategy Recreate replaced by RollingUpdate (migration-hooks.io/rollout: managed)");
    assertThat(cli.err()).doesNotContain("s3cr3t-value");
  }

  @Test
  void needsNoHelm4TagsAndAddsNoHelmHooks() throws IOException {
    Cli cli = Cli.run(FixturesTest.read("argocd-chart", "input.yaml"), "render", "--target", "argocd");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).doesNotContain("helm.sh/hook").contains("argocd.argoproj.io/hook: Sync");
  }

  @Test
  void theDefaultTargetIsHelm() throws IOException {
    String input = FixturesTest.read("argocd-chart", "input.yaml");

    Cli explicit = Cli.run(input, "render", "--target", "helm", "--assume-hooks-honored");
    Cli implicit = Cli.run(input, "render", "--assume-hooks-honored");

    assertThat(explicit.exitCode()).isZero();
    assertThat(explicit.out()).isEqualTo(implicit.out()).contains("helm.sh/hook: pre-install,pre-upgrade");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--target argocd --helm3 | migration-hooks: --target argocd cannot be combined with --helm3 or --assume-hooks-honored (they are about Helm)",
      "--target argocd --assume-hooks-honored | migration-hooks: --target argocd cannot be combined with --helm3 or --assume-hooks-honored (they are about Helm)",
      "--target flux | migration-hooks: Invalid value for option '--target': 'flux' is not a target; use helm or argocd"})
  void badTargetsAreUsageErrors(String args, String message) {
    Cli cli = Cli.run("", ("render " + args).split(" "));

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).containsExactly(message, "Try 'migration-hooks render --help'.");
  }
}
