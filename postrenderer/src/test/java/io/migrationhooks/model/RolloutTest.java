package io.migrationhooks.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationhooks.plan.StreamResources;
import io.migrationhooks.yaml.BadInputException;
import io.migrationhooks.yaml.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutTest {
  private static Rollout rollout(String spec) {
    return Rollout.of(StreamResources.parse("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: " + spec + "\n", Limits.DEFAULT).get(0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // spec                                                                           | surge | unavailable | min ready | below
      "{replicas: 3, strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}}         | 1 | 0 | 3 | false",
      "{replicas: 4}                                                                       | 1 | 1 | 3 | true",
      "{replicas: 10, strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}}     | 3 | 2 | 8 | true",
      "{replicas: 3, strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 10%}}}        | 0 | 1 | 2 | true",
      "{replicas: 2, strategy: {rollingUpdate: {maxSurge: 100%, maxUnavailable: '0%'}}}    | 2 | 0 | 2 | false",
      "{replicas: 2, strategy: {rollingUpdate: {maxUnavailable: 5}}}                       | 1 | 5 | 0 | true",
      "{replicas: 3, strategy: {type: Recreate}}                                           | 0 | 3 | 0 | true",
      "{replicas: 0}                                                                       | 0 | 1 | 0 | false",
      "{}                                                                                  | 1 | 0 | 1 | false"})
  void resolvesAsTheDeploymentControllerDoes(String spec, int surge, int unavailable, int minReady, boolean below) {
    Rollout rollout = rollout(spec);

    assertThat(rollout.resolvedMaxSurge()).as("surge").isEqualTo(surge);
    assertThat(rollout.resolvedMaxUnavailable()).as("unavailable").isEqualTo(unavailable);
    assertThat(rollout.minReady()).as("min ready").isEqualTo(minReady);
    assertThat(rollout.dropsBelowReplicas()).as("below").isEqualTo(below);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{}                                               | replicas,strategy,maxSurge,maxUnavailable",
      "{replicas: 2, strategy: {type: RollingUpdate}}   | maxSurge,maxUnavailable",
      "{strategy: {type: Recreate}}                     | replicas"})
  void namesTheKubernetesDefaultsItApplied(String spec, String defaulted) {
    assertThat(String.join(",", rollout(spec).defaulted())).isEqualTo(defaulted);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{replicas: many}                                     | Deployment/d: spec.replicas must be a non-negative integer",
      "{strategy: {rollingUpdate: {maxSurge: 1.5}}}         | Deployment/d: spec.strategy.rollingUpdate.maxSurge must be",
      "{strategy: {rollingUpdate: {maxUnavailable: x%}}}    | Deployment/d: spec.strategy.rollingUpdate.maxUnavailable must be"})
  void rejectsValuesKubernetesRejects(String spec, String message) {
    assertThatThrownBy(() -> rollout(spec)).isInstanceOf(BadInputException.class).hasMessageStartingWith(message);
  }

  @ParameterizedTest(name = "replicas: {0}")
  @CsvSource(delimiter = '|', value = {
      "3       | 3",
      "0x2     | 2",
      "+3      | 3",
      "1_0     | 10",
      "0o7     | 7",
      "010     | 8",
      "08      | 8",
      "3.0     | 3",
      "1e3     | 1000",
      "~       | 1",
      "!!int '4' | 4"})
  void readsReplicasAsKubernetesDoes(String replicas, int expected) {
    assertThat(rollout("\n  replicas: " + replicas).replicas()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{maxSurge: 0x1, maxUnavailable: 0}      | 1 | 0",
      "{maxSurge: 010, maxUnavailable: 1.0}    | 8 | 1",
      "{maxSurge: 10%, maxUnavailable: '010%'} | 1 | 1"})
  void readsIntOrPercentAsKubernetesDoes(String rollingUpdate, int surge, int unavailable) {
    Rollout rollout = rollout("{replicas: 10, strategy: {rollingUpdate: " + rollingUpdate + "}}");

    assertThat(rollout.resolvedMaxSurge()).as("surge").isEqualTo(surge);
    assertThat(rollout.resolvedMaxUnavailable()).as("unavailable").isEqualTo(unavailable);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{replicas: '3'}                                 | Deployment/d: spec.replicas must be a non-negative integer, not the string \"3\"",
      "{replicas: \"0x2\"}                              | Deployment/d: spec.replicas must be a non-negative integer, not the string \"0x2\"",
      "{replicas: 3.5}                                 | Deployment/d: spec.replicas must be a non-negative integer, not the number 3.5",
      "{replicas: -1}                                  | Deployment/d: spec.replicas must be a non-negative integer, not the integer -1",
      "{replicas: yes}                                 | Deployment/d: spec.replicas must be a non-negative integer, not the boolean yes",
      "{replicas: .inf}                                | Deployment/d: spec.replicas must be a non-negative integer, not the number .inf",
      "{replicas: 1e21}                                | Deployment/d: spec.replicas must be a non-negative integer, not the number 1e21",
      "{replicas: 2147483648}                          | Deployment/d: spec.replicas must be a non-negative integer, not the integer 2147483648",
      "{replicas: [3]}                                 | Deployment/d: spec.replicas must be a scalar, not a sequence",
      "{replicas: !!int x}                             | Deployment/d: spec.replicas: cannot decode string `x` as a !!int",
      "{strategy: {rollingUpdate: {maxSurge: '1'}}}    | Deployment/d: spec.strategy.rollingUpdate.maxSurge must be a non-negative integer or a percentage such as 25%, not the string \"1\""})
  void refusesWhatTheApiServerRefuses(String spec, String message) {
    assertThatThrownBy(() -> rollout(spec)).isInstanceOf(BadInputException.class).hasMessage(message);
  }
}
