package io.migrationhooks.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationhooks.model.Resource;
import io.migrationhooks.render.Settings;
import io.migrationhooks.render.SettingsException;
import io.migrationhooks.render.Tier;
import io.migrationhooks.yaml.Document;
import io.migrationhooks.yaml.Limits;
import io.migrationhooks.yaml.YamlStream;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigReaderTest {
  private final ConfigReader reader = new ConfigReader();

  @Test
  void defaults() {
    Settings settings = Settings.defaults().validate();

    assertThat(settings.migrationSelector.matches(job("{app.kubernetes.io/component: migration}"))).isTrue();
    assertThat(settings.migrationSelector.isConfigured()).isFalse();
    assertThat(Stream.of(Tier.values()).map(settings::weight)).containsExactly(-30, -20, -10, 0);
    assertThat(settings.rollingUpdate()).containsExactly(Map.entry("maxUnavailable", 0), Map.entry("maxSurge", 1));
    assertThat(Stream.of(Tier.values()).map(settings::wave)).containsExactly(-30, -20, -10, 0);
    assertThat(settings.deploymentsWave).isEqualTo(10);
    assertThat(settings.rolloutExclude.isEmpty()).isTrue();
  }

  @Test
  void loadsArgoCdWaves() {
    Settings settings = reader.read("waves: {config: -3, services: -2, databaseWorkloads: -1, migrationJob: 5, deployments: 6}\n", "c.yaml");

    assertThat(Stream.of(Tier.values()).map(settings::wave)).containsExactly(-3, -2, -1, 5);
    assertThat(settings.deploymentsWave).isEqualTo(6);
  }

  @Test
  void loadsEverySettingInTheOlderSingleMapForm() {
    Settings settings = reader.read("""
        selectors:
          migration: {app: migrate}
          database: {app: pg, tier: "1"}
        weights: {config: -5, services: -4, databaseWorkloads: -3, migrationJob: 10}
        rollout: {maxSurge: 25%, maxUnavailable: 1}
        allowReleaseDependencies: [cache, Service/search]
        """, "c.yaml");

    assertThat(settings.migrationSelector.matches(job("{app: migrate}"))).isTrue();
    assertThat(settings.migrationSelector.matches(job("{app: other}"))).isFalse();
    assertThat(settings.databaseSelector.matches(statefulSet("{app: pg, tier: '1'}", "{}"))).isTrue();
    assertThat(settings.databaseSelector.matches(statefulSet("{app: pg}", "{}"))).isFalse();
    assertThat(Stream.of(Tier.values()).map(settings::weight)).containsExactly(-5, -4, -3, 10);
    assertThat(settings.maxSurge).isEqualTo("25%");
    assertThat(settings.maxUnavailable).isEqualTo(1);
    assertThat(settings.allowedReleaseDependencies).isEqualTo(Set.of("cache", "Service/search"));
  }

  @Test
  void loadsSelectorListsWithEveryPart() {
    Settings settings = reader.read("""
        selectors:
          database:
          - matchLabels: {app.kubernetes.io/name: postgresql}
            matchExpressions:
            - {key: app.kubernetes.io/component, operator: In, values: [primary]}
          - names: ["*-redis-*"]
            kinds: [StatefulSet]
        rollout:
          exclude:
            matchLabels: {singleton: "true"}
        """, "c.yaml");

    assertThat(settings.databaseSelector.matches(statefulSet("{}", "{app.kubernetes.io/name: postgresql, app.kubernetes.io/component: primary}"))).isTrue();
    assertThat(settings.databaseSelector.matches(statefulSet("{app.kubernetes.io/name: postgresql, app.kubernetes.io/component: read}", "{}"))).isFalse();
    assertThat(settings.databaseSelector.matches(resource("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: rel-redis-master}
        """))).isTrue();
    assertThat(settings.databaseSelector.matches(resource("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: rel-redis-master}
        """))).isFalse();
    assertThat(settings.rolloutExclude.matches(resource("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: s, labels: {singleton: "true"}}
        """))).isTrue();
  }

  @Test
  void anEmptyFileMeansDefaults() {
    assertThat(reader.read("# nothing\n", "c.yaml").configWeight).isEqualTo(-30);
    assertThat(reader.read("", "c.yaml").configWeight).isEqualTo(-30);
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of("unknown: 1", "c.yaml line 1, column 10: unknown key 'unknown'; valid keys: allowReleaseDependencies, rollout, selectors, waves, weights"),
        Arguments.of("weights:\n  jobs: 1", "c.yaml line 2, column 9: unknown key 'weights.jobs'; valid keys: config, databaseWorkloads, migrationJob, services"),
        Arguments.of("waves: {jobs: 1}", "c.yaml line 1, column 15: unknown key 'waves.jobs'; valid keys: config, databaseWorkloads, deployments, migrationJob, services"),
        Arguments.of("selectors:\n  database:\n  - matchLabel: {a: b}", "c.yaml line 3, column 17: unknown key 'selectors.database[0].matchLabel'; valid keys: kinds, matchExpressions, matchLabels, names"),
        Arguments.of("selectors:\n  database:\n  - matchExpressions: [{key: a, operator: In, value: [b]}]",
            "c.yaml line 3, column 54: unknown key 'selectors.database[0].matchExpressions[0].value'; valid keys: key, operator, values"),
        Arguments.of("weights: 3", "c.yaml line 1, column 10: weights: wrong type"),
        Arguments.of("weights: {config: x}", "c.yaml line 1, column 19: weights.config: wrong type"),
        Arguments.of("weights: {config: '-3'}", "c.yaml line 1, column 19: weights.config: wrong type"),
        Arguments.of("weights: {config: 1.5}", "c.yaml line 1, column 19: weights.config: wrong type"),
        Arguments.of("waves: {services: x}", "c.yaml line 1, column 19: waves.services: wrong type"),
        Arguments.of("selectors:\n  database:\n  - matchLabels: {tier: 1}", "c.yaml line 3, column 25: selectors.database[0].matchLabels.tier: wrong type"),
        Arguments.of("selectors:\n  database:\n  - names: x", "c.yaml line 3, column 12: selectors.database[0].names: wrong type"),
        Arguments.of("selectors: {database: {tier: 1}}", "c.yaml line 1, column 23: selectors.database: label 'tier' must have a string value"),
        Arguments.of("selectors: {database: 3}", "c.yaml line 1, column 23: selectors.database: must be a list of entries"),
        Arguments.of("selectors: {migration: {}}", "c.yaml line 1, column 24: selectors.migration: a selector entry needs matchLabels, matchExpressions or names"),
        Arguments.of("selectors:\n  database:\n  - matchExpressions: [{key: a, operator: Is}]", "c.yaml line 3, column 5: selectors.database: operator 'Is' is not one of In, NotIn, Exists, DoesNotExist"),
        Arguments.of("selectors:\n  database:\n  - matchExpressions: [{key: a, operator: In}]", "c.yaml line 3, column 5: selectors.database: operator In on 'a' needs at least one value"),
        Arguments.of("selectors:\n  database:\n  - matchExpressions: [{key: a, operator: Exists, values: [b]}]", "c.yaml line 3, column 5: selectors.database: operator Exists on 'a' takes no values"),
        Arguments.of("selectors:\n  migration:\n  - {names: [m], kinds: [Deployment]}", "c.yaml: selectors.migration: kinds may only name [Job], not [Deployment]"),
        Arguments.of("selectors: {migration: []}", "c.yaml: selectors.migration must have at least one entry"),
        Arguments.of("weights: {services: -30}", "c.yaml: weights.services (-30) must be greater than weights.config (-30)"),
        Arguments.of("weights: {migrationJob: -11}", "c.yaml: weights.migrationJob (-11) must be greater than weights.databaseWorkloads (-10)"),
        Arguments.of("waves: {deployments: 0}", "c.yaml: waves.deployments (0) must be greater than waves.migrationJob (0)"),
        Arguments.of("rollout: {maxSurge: -1}", "c.yaml: rollout.maxSurge must be a non-negative integer or a percentage such as 25%"),
        Arguments.of("rollout: {maxSurge: 0}", "c.yaml: rollout.maxSurge and rollout.maxUnavailable cannot both be zero"),
        Arguments.of("rollout: {maxSurge: 0%}", "c.yaml: rollout.maxSurge and rollout.maxUnavailable cannot both be zero"),
        Arguments.of("rollout: {maxSurge: 1, maxSurge: 2}", "c.yaml line 1, column 32: duplicate key 'maxSurge' in rollout"),
        Arguments.of("- a", "c.yaml line 1, column 1: wrong type"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  // The position is where the offending value starts (for an unknown key: its value), on the key's line.
  void rejectsUnknownKeysAndBadValuesNamingThemWithLineAndColumn(String config, String message) {
    assertThatThrownBy(() -> reader.read(config, "c.yaml"))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void malformedYamlIsAnErrorWithItsPosition() {
    assertThatThrownBy(() -> reader.read("a: [", "c.yaml"))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("c.yaml line 1");
  }

  private static Resource job(String labels) {
    return resource("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, labels: " + labels + "}\n");
  }

  private static Resource statefulSet(String labels, String podLabels) {
    return resource("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s, labels: " + labels + "}\n"
        + "spec: {template: {metadata: {labels: " + podLabels + "}}}\n");
  }

  private static Resource resource(String yaml) {
    Document document = YamlStream.parse(yaml, Limits.DEFAULT).get(0);
    return Resource.of(document);
  }
}
