package io.migrationhooks.cli;

import static io.migrationhooks.cli.CheckCommandTest.EXAMPLE_CHART;
import static io.migrationhooks.cli.CheckCommandTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** plan and check with --target argocd on the example chart and on streams that trigger the Argo CD rules. */
class ArgoCdAnalysisCommandTest {
  private static final String HELM_MODE_DEADLOCK = """
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, labels: {app.kubernetes.io/component: database}}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: pw, annotations: {helm.sh/hook: pre-install}}
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        labels: {app.kubernetes.io/component: migration}
        annotations: {helm.sh/hook: "pre-install,pre-upgrade", helm.sh/hook-delete-policy: before-hook-creation}
      spec: {backoffLimit: 0, activeDeadlineSeconds: 60, template: {spec: {restartPolicy: Never}}}
      """;

  @Test
  void theExampleChartPlanIsTheApprovedOne() throws IOException {
    Cli cli = Cli.run(read(EXAMPLE_CHART), "plan", "--target", "argocd");

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).isEqualTo(read(PlanCommandTest.PLAN.resolve("example-chart/argocd-plan.txt")));
  }

  @Test
  void theDiagramShowsWhatEachWaveWaitsFor() throws IOException {
    Cli cli = Cli.run(read(EXAMPLE_CHART), "plan", "--target", "argocd", "-o", "mermaid");

    assertThat(cli.out()).startsWith("sequenceDiagram\n  participant Tool as Argo CD\n").contains("""
          Note over Tool,API: 4. Sync, wave -10
          Tool->>API: apply StatefulSet/app-postgresql
          API-->>Tool: StatefulSet/app-postgresql healthy
          Note over Tool,API: 5. Sync, wave 0
          Tool->>API: apply Service/app
          Tool->>API: apply Job/app-migrations
          API-->>Tool: Job/app-migrations completed
        """);
  }

  @Test
  void planningTheArgoCdRenderAsIsGivesTheSamePlan() throws IOException {
    Cli rendered = Cli.run(read(EXAMPLE_CHART), "render", "--target", "argocd");

    assertThat(Cli.run(rendered.out(), "plan", "--target", "argocd", "--as-is").out())
        .isEqualTo(Cli.run(read(EXAMPLE_CHART), "plan", "--target", "argocd").out());
  }

  @Test
  void theArgoCdRenderOfTheExampleChartPassesTheArgoCdCheck() throws IOException {
    Cli rendered = Cli.run(read(EXAMPLE_CHART), "render", "--target", "argocd");

    Cli check = Cli.run(rendered.out(), "check", "--target", "argocd");

    assertThat(check.exitCode()).as(check.out()).isEqualTo(ExitCodes.OK);
    assertThat(check.err()).isEqualTo("migration-hooks: check passed: no findings in 8 resources (11 rules)\n");
  }

  @Test
  void helmStyleHooksUnderArgoCdAreFound() {
    Cli check = Cli.run(HELM_MODE_DEADLOCK, "check", "--target", "argocd");

    assertThat(check.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(check.out().lines().map(line -> line.substring(0, line.indexOf(':'))))
        .containsExactly("argocd-hook-recreates-data Secret/pw", "argocd-presync-migration-deadlock Job/migrate");
  }

  @Test
  void theHelmCheckDoesNotRunTheArgoCdRules() {
    Cli check = Cli.run(HELM_MODE_DEADLOCK, "check");

    assertThat(check.out()).doesNotContain("argocd-");
  }

  @Test
  void theArgoCdRulesAreListed() {
    Cli list = Cli.run("", "check", "--target", "argocd", "--list-rules");

    assertThat(list.out().lines().map(line -> line.split(" ")[0]))
        .startsWith("argocd-hook-recreates-data", "argocd-presync-migration-deadlock")
        .doesNotContain("hook-deletes-data", "release-resource-becomes-hook");
  }

  @Test
  void helmOnlyOptionsAreUsageErrorsWithTheArgoCdTarget() {
    Cli plan = Cli.run("", "plan", "--target", "argocd", "--helm3");
    Cli check = Cli.run("", "check", "--target", "argocd", "--previous", "x.yaml");

    assertThat(plan.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(plan.err()).startsWith("migration-hooks: --helm3 and --target argocd cannot be combined\n");
    assertThat(check.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(check.err()).startsWith("migration-hooks: --previous is about Helm releases; it cannot be combined with --target argocd\n");
  }
}
