package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationhooks.yaml.BadInputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RolloutRuleTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        RuleCase.of("adds the strategy to a Deployment without one",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              replicas: 3
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              strategy:
                type: RollingUpdate
                rollingUpdate:
                  maxUnavailable: 0
                  maxSurge: 1
              replicas: 3
            """),
        RuleCase.of("replaces Recreate and fixes only the values that differ",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              strategy:
                type: Recreate   # was
                rollingUpdate: {maxSurge: 1, maxUnavailable: 25%}
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              strategy:
                type: RollingUpdate   # was
                rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
            """),
        RuleCase.unchanged("an equal strategy in another order and style is left byte for byte",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}, type: "RollingUpdate"}
            """),
        RuleCase.unchanged("a database Deployment keeps its strategy",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db, namespace: shop, labels: {app.kubernetes.io/component: database}}
            spec:
              strategy: {type: Recreate}
            """,
            "Deployment/shop/db: no migration Job in the stream; database left as an ordinary release resource",
            "Deployment/shop/db: rollout left alone (database workload)"),
        RuleCase.unchanged("an unmanaged Deployment keeps its strategy",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, annotations: {migration-hooks.io/rollout: unmanaged}}
            spec:
              strategy: {type: Recreate}
            """,
            "Deployment/api: rollout left alone (migration-hooks.io/rollout: unmanaged)"),
        RuleCase.unchanged("a Deployment the chart declares as a hook is left as written, noted once",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db, labels: {app.kubernetes.io/component: database}, annotations: {helm.sh/hook: pre-install}}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: m, labels: {app.kubernetes.io/component: migration}, annotations: {helm.sh/hook: pre-install}}
            """,
            "Job/m: already a Helm hook (helm.sh/hook: pre-install); left as written",
            "Deployment/db: already a Helm hook (helm.sh/hook: pre-install); left as written"),
        RuleCase.unchanged("StatefulSets, DaemonSets and custom Deployments are not touched",
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: s}
            spec: {updateStrategy: {type: OnDelete}}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: d}
            ---
            apiVersion: example.com/v1
            kind: Deployment
            metadata: {name: custom}
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rollsOutWithoutLosingReadyPods(RuleCase rule) {
    RenderResult result = rule.render(Settings.defaults());

    assertThat(result.output()).isEqualTo(rule.expected());
    assertThat(result.notes()).containsExactlyElementsOf(rule.notes());
  }

  @Test
  void usesTheConfiguredValues() {
    Settings settings = Settings.defaults();
    settings.maxSurge = "25%";
    settings.maxUnavailable = 1;
    RuleCase rule = new RuleCase("custom", "kind: Deployment\napiVersion: apps/v1\nmetadata: {name: a}\n", "", List.of());

    assertThat(rule.render(settings).output()).isEqualTo("""
        spec:
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxUnavailable: 1
              maxSurge: "25%"
        kind: Deployment
        apiVersion: apps/v1
        metadata: {name: a}
        """);
  }

  @Test
  void anUnknownRolloutAnnotationValueIsBadInput() {
    RuleCase rule = new RuleCase("typo", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, annotations: {migration-hooks.io/rollout: unmanged}}
        """, "", List.of());

    assertThatThrownBy(() -> rule.render(Settings.defaults()))
        .isInstanceOf(BadInputException.class)
        .hasMessage("Deployment/api: migration-hooks.io/rollout must be 'unmanaged'");
  }
}
