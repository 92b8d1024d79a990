package io.migrationhooks.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.Limits;
import io.migrationhooks.yaml.YamlStream;
import org.junit.jupiter.api.Test;

class SyncOrderTest {
  @Test
  void ordersByPhaseWaveKindAndName() {
    String stream = """
        ---
        {apiVersion: v1, kind: Deployment, metadata: {name: api, annotations: {argocd.argoproj.io/sync-wave: "10"}}}
        ---
        {apiVersion: v1, kind: Job, metadata: {name: migrate, annotations: {argocd.argoproj.io/hook: Sync}}}
        ---
        {apiVersion: v1, kind: StatefulSet, metadata: {name: db, annotations: {argocd.argoproj.io/sync-wave: "-10"}}}
        ---
        {apiVersion: v1, kind: Service, metadata: {name: db, annotations: {argocd.argoproj.io/sync-wave: "-10"}}}
        ---
        {apiVersion: v1, kind: Secret, metadata: {name: b}}
        ---
        {apiVersion: v1, kind: Secret, metadata: {name: a}}
        ---
        {apiVersion: v1, kind: Widget, metadata: {name: w}}
        ---
        {apiVersion: v1, kind: Job, metadata: {name: notify, annotations: {helm.sh/hook: post-install}}}
        ---
        {apiVersion: v1, kind: Job, metadata: {name: prepare, annotations: {helm.sh/hook: pre-upgrade, helm.sh/hook-weight: "-1"}}}
        ---
        {apiVersion: v1, kind: Pod, metadata: {name: smoke, annotations: {helm.sh/hook: test}}}
        """;

    SyncOrder order = SyncOrder.of(YamlStream.parse(stream, Limits.DEFAULT).stream().filter(d -> !d.isEmpty())
        .map(Resource::of).toList());

    assertThat(order.waves()).extracting(wave -> wave.phase() + " " + wave.wave() + ": "
            + wave.tasks().stream().map(task -> task.resource().id()).toList())
        .containsExactly(
            "PRE_SYNC -1: [Job/prepare]",
            "SYNC -10: [Service/db, StatefulSet/db]",
            "SYNC 0: [Secret/a, Secret/b, Job/migrate, Widget/w]",
            "SYNC 10: [Deployment/api]",
            "POST_SYNC 0: [Job/notify]");
    assertThat(order.neverApplied()).extracting(task -> task.resource().id()).containsExactly("Pod/smoke");
  }

}
