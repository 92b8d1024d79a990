package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationhooks.model.Resource;
import io.migrationhooks.render.LabelRequirement.Operator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Kubernetes label-selector semantics, operator by operator, plus kinds, names and pod-template labels. */
class SelectorEntryTest {
  private static final Map<String, String> PRIMARY = Map.of("app.kubernetes.io/component", "primary", "tier", "db");

  static Stream<Arguments> requirements() {
    return Stream.of(
        Arguments.of(Operator.IN, List.of("primary", "replica"), PRIMARY, true),
        Arguments.of(Operator.IN, List.of("replica"), PRIMARY, false),
        Arguments.of(Operator.IN, List.of("primary"), Map.of(), false),
        Arguments.of(Operator.NOT_IN, List.of("replica"), PRIMARY, true),
        Arguments.of(Operator.NOT_IN, List.of("primary"), PRIMARY, false),
        Arguments.of(Operator.NOT_IN, List.of("primary"), Map.of(), true),
        Arguments.of(Operator.EXISTS, List.of(), PRIMARY, true),
        Arguments.of(Operator.EXISTS, List.of(), Map.of("tier", "db"), false),
        Arguments.of(Operator.DOES_NOT_EXIST, List.of(), PRIMARY, false),
        Arguments.of(Operator.DOES_NOT_EXIST, List.of(), Map.of("tier", "db"), true));
  }

  @ParameterizedTest(name = "{0} {1} on {2}: {3}")
  @MethodSource("requirements")
  void eachOperatorMatchesAsKubernetesDoes(Operator operator, List<String> values, Map<String, String> labels, boolean matches) {
    assertThat(new LabelRequirement("app.kubernetes.io/component", operator, values).matches(labels)).isEqualTo(matches);
  }

  @Test
  void operatorsCheckTheirValues() {
    assertThatThrownBy(() -> new LabelRequirement("k", Operator.IN, List.of())).hasMessageContaining("needs at least one value");
    assertThatThrownBy(() -> new LabelRequirement("k", Operator.EXISTS, List.of("v"))).hasMessageContaining("takes no values");
    assertThatThrownBy(() -> new SelectorEntry(Map.of(), List.of(), Set.of("StatefulSet"), List.of()))
        .hasMessageContaining("would select everything");
  }

  static Stream<Arguments> entries() {
    String statefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: rel-postgresql, labels: {helm.sh/chart: postgresql-16}}
        spec:
          template:
            metadata: {labels: {app.kubernetes.io/component: primary}}
        """;
    String deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: rel-postgresql, labels: {app.kubernetes.io/component: primary}}
        """;
    String custom = """
        apiVersion: example.com/v1
        kind: StatefulSet
        metadata: {name: rel-postgresql, labels: {app.kubernetes.io/component: primary}}
        """;
    SelectorEntry primary = new SelectorEntry(Map.of("app.kubernetes.io/component", "primary"), null, null, null);
    return Stream.of(
        Arguments.of("pod-template labels count", primary, statefulSet, true),
        Arguments.of("object labels count", primary, deployment, true),
        Arguments.of("a custom kind of the same name is not the built-in one", primary, custom, false),
        Arguments.of("all parts must match: labels and expressions",
            new SelectorEntry(Map.of("app.kubernetes.io/component", "primary"),
                List.of(new LabelRequirement("helm.sh/chart", Operator.EXISTS, null)), null, null), statefulSet, false),
        Arguments.of("labels and expressions are read from the same map",
            new SelectorEntry(Map.of("app.kubernetes.io/component", "primary"),
                List.of(new LabelRequirement("helm.sh/chart", Operator.DOES_NOT_EXIST, null)), null, null), statefulSet, true),
        Arguments.of("kinds restrict", new SelectorEntry(Map.of("app.kubernetes.io/component", "primary"), null, Set.of("StatefulSet"), null),
            deployment, false),
        Arguments.of("names glob", new SelectorEntry(null, null, null, List.of("*-postgres*")), statefulSet, true),
        Arguments.of("names glob ? is one character", new SelectorEntry(null, null, null, List.of("rel-postgres?")), statefulSet, false),
        Arguments.of("names and labels together", new SelectorEntry(Map.of("app.kubernetes.io/component", "replica"), null, null,
            List.of("*-postgresql")), statefulSet, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void anEntryMatchesWhenEveryPartDoes(String name, SelectorEntry entry, String yaml, boolean matches) {
    ResourceSelector selector = new ResourceSelector("selectors.database", Settings.DATABASE_KINDS, List.of(entry), true);
    Resource resource = SelectionTest.resources(yaml).get(0);

    assertThat(selector.matches(resource)).isEqualTo(matches);
  }

  @Test
  void aConfiguredSelectorThatMatchesNothingIsNotedByName() {
    Settings settings = Settings.defaults();
    settings.databaseSelector = new ResourceSelector("selectors.database", Settings.DATABASE_KINDS,
        List.of(SelectorEntry.ofLabels(Map.of("app", "postgres"))), true);
    String stream = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, labels: {app: postgresql}}
        """;

    assertThat(Selection.of(SelectionTest.resources(stream), settings).notes())
        .containsExactly("selectors.database entry {matchLabels {app=postgres}} matches nothing in the stream");
    assertThat(Selection.of(SelectionTest.resources("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"), settings).notes())
        .as("no resource of its kinds: nothing to say").isEmpty();
  }
}
