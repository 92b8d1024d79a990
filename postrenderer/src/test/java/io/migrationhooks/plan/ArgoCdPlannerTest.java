package io.migrationhooks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.model.Resource;
import io.migrationhooks.render.Selection;
import io.migrationhooks.render.Settings;
import io.migrationhooks.yaml.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgoCdPlannerTest {
  private static final String STREAM = """
      ---
      {apiVersion: v1, kind: Secret, metadata: {name: pw, annotations: {argocd.argoproj.io/sync-wave: "-30"}}}
      ---
      {apiVersion: batch/v1, kind: Job, metadata: {name: prepare, annotations: {helm.sh/hook: pre-upgrade}}}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
        labels: {app.kubernetes.io/component: database}
        annotations: {argocd.argoproj.io/sync-wave: "-10", argocd.argoproj.io/sync-options: "Prune=false,Delete=false"}
      spec: {template: {spec: {containers: [{name: pg, env: [{name: P, valueFrom: {secretKeyRef: {name: pw, key: p}}}]}]}}}
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        labels: {app.kubernetes.io/component: migration}
        annotations: {argocd.argoproj.io/hook: Sync, argocd.argoproj.io/hook-delete-policy: BeforeHookCreation}
      ---
      {apiVersion: v1, kind: Service, metadata: {name: api}}
      ---
      {apiVersion: apps/v1, kind: Deployment, metadata: {name: api, annotations: {argocd.argoproj.io/sync-wave: "10"}}}
      ---
      {apiVersion: batch/v1, kind: Job, metadata: {name: smoke, annotations: {argocd.argoproj.io/hook: PostSync, argocd.argoproj.io/hook-delete-policy: HookSucceeded}}}
      ---
      {apiVersion: v1, kind: Pod, metadata: {name: test, annotations: {helm.sh/hook: test}}}
      """;

  @Test
  void preSyncThenEachSyncWaveThenPostSyncMarkingWhatArgoCdWaitsOn() {
    List<Resource> resources = StreamResources.parse(STREAM, Limits.DEFAULT);

    Plan plan = new ArgoCdPlanner().plan(resources, Selection.of(resources, Settings.defaults()));

    assertThat(plan.target()).isEqualTo("argocd");
    assertThat(plan.phases()).extracting(phase -> phase.id() + " " + phase.steps().stream()
            .map(step -> step.resource().id() + (step.waits() ? " (waits)" : "") + (step.role() == null ? "" : " " + step.role()))
            .toList())
        .containsExactly(
            "PreSync:0 [Job/prepare (waits)]",
            "Sync:-30 [Secret/pw dependency]",
            "Sync:-10 [StatefulSet/db (waits) database]",
            "Sync:0 [Service/api, Job/migrate (waits) migration-job]",
            "Sync:10 [Deployment/api (waits)]",
            "PostSync:0 [Job/smoke (waits)]");
    assertThat(plan.otherHooks()).extracting(step -> step.resource().id()).containsExactly("Pod/test");
    assertThat(plan.rollouts()).extracting(rollout -> rollout.deployment().id()).containsExactly("Deployment/api");
  }

  @Test
  void theTableSaysWhatHappensToEachOnTheNextSync() {
    List<Resource> resources = StreamResources.parse(STREAM, Limits.DEFAULT);

    String table = new ArgoCdPlanTableWriter().write(new ArgoCdPlanner().plan(resources, Selection.of(resources, Settings.defaults())));

    assertThat(table).contains(
        "1. PreSync hooks, wave 0\n",
        "   Job/prepare  -     hook  until it completes  deleted, recreated (no policy: Argo CD's default)\n",
        "   StatefulSet/db  database  resource  until healthy  updated in place; never pruned or deleted\n",
        "   Job/migrate  migration-job  hook      until it completes  deleted, recreated\n",
        "   Job/smoke  -     hook  until it completes  deleted after it succeeds\n",
        "Never applied by a sync (a hook of no sync phase, such as helm.sh/hook: test, or Skip):\n   RESOURCE  ROLE\n   Pod/test  -\n");
  }

  @Test
  void withoutHooksPreSyncAndPostSyncAreEmpty() {
    List<Resource> resources = StreamResources.parse("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n", Limits.DEFAULT);

    Plan plan = new ArgoCdPlanner().plan(resources, Selection.of(resources, Settings.defaults()));

    assertThat(plan.phases()).extracting(phase -> phase.id() + " " + phase.steps().size())
        .containsExactly("PreSync 0", "Sync:0 1", "PostSync 0");
  }
}
