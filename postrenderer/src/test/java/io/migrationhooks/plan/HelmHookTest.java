package io.migrationhooks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelmHookTest {
  static List<Resource> parse(String yaml) {
    return StreamResources.parse(yaml, Limits.DEFAULT);
  }

  static HelmHook hook(String annotations) {
    return HelmHook.of(parse("kind: Job\napiVersion: batch/v1\nmetadata: {name: j, annotations: " + annotations + "}\n").get(0))
        .orElseThrow();
  }

  @Test
  void aResourceWithoutHookAnnotationIsNoHook() {
    assertThat(HelmHook.of(parse("kind: Job\napiVersion: batch/v1\nmetadata: {name: j}\n").get(0))).isEmpty();
  }

  @Test
  void eventsAndPoliciesAreTrimmedAndLowerCasedAsHelmDoes() {
    HelmHook hook = hook("{helm.sh/hook: ' Pre-Install ,PRE-UPGRADE', helm.sh/hook-delete-policy: 'Hook-Succeeded, before-hook-creation'}");

    assertThat(hook.events()).containsExactly("pre-install", "pre-upgrade");
    assertThat(hook.deletePolicies()).containsExactly("hook-succeeded", "before-hook-creation");
    assertThat(hook.deletePolicyImplied()).isFalse();
    assertThat(hook.lifecycle()).isEqualTo(HelmHook.Lifecycle.DELETED_AFTER_SUCCESS);
    assertThat(hook.runsOn(HelmHook.PRE_UPGRADE)).isTrue();
    assertThat(hook.blocks()).isTrue();
  }

  @Test
  void noDeletePolicyMeansBeforeHookCreation() {
    HelmHook hook = hook("{helm.sh/hook: pre-install}");

    assertThat(hook.deletePolicies()).containsExactly("before-hook-creation");
    assertThat(hook.deletePolicyImplied()).isTrue();
    assertThat(hook.lifecycle()).isEqualTo(HelmHook.Lifecycle.RECREATED);
  }

  @Test
  void anyOtherPolicyKeepsTheHookInPlace() {
    assertThat(hook("{helm.sh/hook: pre-install, helm.sh/hook-delete-policy: hook-failed}").lifecycle())
        .isEqualTo(HelmHook.Lifecycle.KEPT);
  }

  @Test
  void oneUnknownEventDropsTheWholeHook() {
    HelmHook hook = hook("{helm.sh/hook: 'pre-install,pre-upgrad'}");

    assertThat(hook.droppedByHelm()).isTrue();
    assertThat(hook.unknownEvents()).containsExactly("pre-upgrad");
    assertThat(hook.runsOn(HelmHook.PRE_INSTALL)).isFalse();
  }

  @ParameterizedTest(name = "weight {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "'5'|5", "'-10'|-10", "'+3'|3", "'007'|7", "'9223372036854775807'|9223372036854775807",
      "'9223372036854775808'|0", "' 5'|0", "'1.5'|0", "'five'|0", "''|0"})
  void weightsParseLikeGoAtoi(String text, long expected) {
    assertThat(hook("{helm.sh/hook: pre-install, helm.sh/hook-weight: '" + text + "'}").weight()).isEqualTo(expected);
  }

  @Test
  void hooksRunByWeightThenNameThenKindThenDocument() {
    List<Resource> resources = parse("""
        kind: Job
        apiVersion: batch/v1
        metadata: {name: b, annotations: {helm.sh/hook: pre-install}}
        ---
        kind: Job
        apiVersion: batch/v1
        metadata: {name: a, annotations: {helm.sh/hook: pre-install, helm.sh/hook-weight: "1"}}
        ---
        kind: Secret
        apiVersion: v1
        metadata: {name: b, annotations: {helm.sh/hook: pre-install}}
        ---
        kind: Widget
        apiVersion: example.com/v1
        metadata: {name: b, annotations: {helm.sh/hook: pre-install}}
        ---
        kind: Job
        apiVersion: batch/v1
        metadata: {name: c, annotations: {helm.sh/hook: pre-install, helm.sh/hook-weight: "-1"}}
        ---
        kind: Job
        apiVersion: batch/v1
        metadata: {name: a, namespace: other, annotations: {helm.sh/hook: pre-install}}
        """);

    List<String> order = resources.stream().map(r -> HelmHook.of(r).orElseThrow()).sorted(HelmHook.EXECUTION_ORDER)
        .map(hook -> hook.resource().id()).toList();

    assertThat(order).containsExactly("Job/c", "Job/other/a", "Secret/b", "Job/b", "Widget/b", "Job/a");
  }

  @Test
  void releaseResourcesFollowHelmsInstallOrderWithUnknownKindsLastByName() {
    List<String> kinds = new java.util.ArrayList<>(List.of("Zebra", "Deployment", "Apple", "Service", "Namespace", "Secret",
        "ServiceAccount", "Job", "PriorityClass", "Ingress"));
    kinds.sort(KindOrder.INSTALL);

    assertThat(kinds).containsExactly("PriorityClass", "Namespace", "ServiceAccount", "Secret", "Service", "Deployment",
        "Job", "Ingress", "Apple", "Zebra");
  }
}
