package io.migrationhooks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.model.Resource;
import io.migrationhooks.render.Selection;
import io.migrationhooks.render.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelmPlannerTest {
  private static Plan plan(String yaml) {
    List<Resource> resources = HelmHookTest.parse(yaml);
    return new HelmPlanner().plan(resources, Selection.of(resources, Settings.defaults()));
  }

  private static List<String> ids(List<Step> steps) {
    return steps.stream().map(step -> step.resource().id()).toList();
  }

  @Test
  void splitsHooksByEventAndSortsEachPhase() {
    Plan plan = plan("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: smoke, annotations: {helm.sh/hook: post-install}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: test, annotations: {helm.sh/hook: test}}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, annotations: {helm.sh/hook: pre-upgrade}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: typo, annotations: {helm.sh/hook: pre-upgarde}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        """);

    assertThat(plan.target()).isEqualTo("helm");
    assertThat(plan.phases()).extracting(Phase::id).containsExactly("pre-install-upgrade", "release", "post-install-upgrade");
    assertThat(ids(plan.phases().get(0).steps())).containsExactly("Job/migrate");
    assertThat(plan.phases().get(0).steps().get(0).waits()).isTrue();
    assertThat(ids(plan.phases().get(1).steps())).containsExactly("Service/api", "Deployment/api");
    assertThat(ids(plan.phases().get(2).steps())).containsExactly("Pod/smoke");
    assertThat(ids(plan.otherHooks())).containsExactly("Pod/test");
    assertThat(ids(plan.droppedHooks())).containsExactly("ConfigMap/typo");
    assertThat(plan.rollouts()).extracting(rollout -> rollout.deployment().id()).containsExactly("Deployment/api");
  }

  @Test
  void listsReferencedObjectsTheStreamDoesNotProvide() {
    Plan plan = plan("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          template:
            spec:
              serviceAccountName: default
              imagePullSecrets: [{name: registry}]
              containers:
                - name: api
                  envFrom: [{configMapRef: {name: settings}}, {secretRef: {name: external-db}}]
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: shop}
        spec:
          template:
            spec:
              serviceAccountName: migrator
              volumes: [{name: creds, secret: {secretName: external-db}}]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        """);

    assertThat(plan.externalReferences()).extracting(ExternalReference::id, e -> PlanText.names(e.referencedBy()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Secret/shop/registry", "Deployment/shop/api"),
            org.assertj.core.groups.Tuple.tuple("Secret/shop/external-db", "Deployment/shop/api, Job/shop/migrate"),
            org.assertj.core.groups.Tuple.tuple("ServiceAccount/shop/migrator", "Job/shop/migrate"));
  }
}
