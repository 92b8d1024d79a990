package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsTest {
  @Test
  void defaults() {
    Settings settings = Settings.defaults().validate();

    assertThat(settings.migrationSelector).isEqualTo(Map.of("app.kubernetes.io/component", "migration"));
    assertThat(settings.databaseSelector).isEqualTo(Map.of("app.kubernetes.io/component", "database"));
    assertThat(Stream.of(Tier.values()).map(settings::weight)).containsExactly(-30, -20, -10, 0);
    assertThat(settings.rollingUpdate()).containsExactly(Map.entry("maxUnavailable", 0), Map.entry("maxSurge", 1));
    assertThat(Stream.of(Tier.values()).map(settings::wave)).containsExactly(-30, -20, -10, 0);
    assertThat(settings.deploymentsWave).isEqualTo(10);
  }

  @Test
  void loadsArgoCdWaves() {
    Settings settings = Settings.load("waves: {config: -3, services: -2, databaseWorkloads: -1, migrationJob: 5, deployments: 6}\n", "c.yaml");

    assertThat(Stream.of(Tier.values()).map(settings::wave)).containsExactly(-3, -2, -1, 5);
    assertThat(settings.deploymentsWave).isEqualTo(6);
  }

  @Test
  void loadsEverySetting() {
    Settings settings = Settings.load("""
        selectors:
          migration: {app: migrate}
          database: {app: pg, tier: "1"}
        weights: {config: -5, services: -4, databaseWorkloads: -3, migrationJob: 10}
        rollout: {maxSurge: 25%, maxUnavailable: 1}
        """, "c.yaml");

    assertThat(settings.migrationSelector).containsExactly(Map.entry("app", "migrate"));
    assertThat(settings.databaseSelector).containsExactly(Map.entry("app", "pg"), Map.entry("tier", "1"));
    assertThat(Stream.of(Tier.values()).map(settings::weight)).containsExactly(-5, -4, -3, 10);
    assertThat(settings.maxSurge).isEqualTo("25%");
    assertThat(settings.maxUnavailable).isEqualTo(1);
  }

  @Test
  void anEmptyFileMeansDefaults() {
    assertThat(Settings.load("# nothing\n", "c.yaml").configWeight).isEqualTo(-30);
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of("unknown: 1", "c.yaml: unknown key 'unknown'"),
        Arguments.of("weights: {jobs: 1}", "c.yaml: unknown key 'weights.jobs'"),
        Arguments.of("weights: 3", "c.yaml: weights must be a mapping with string keys"),
        Arguments.of("weights: {config: x}", "c.yaml: weights.config must be an integer"),
        Arguments.of("weights: {services: -30}", "c.yaml: weights.services (-30) must be greater than weights.config (-30)"),
        Arguments.of("weights: {migrationJob: -11}", "c.yaml: weights.migrationJob (-11) must be greater than weights.databaseWorkloads (-10)"),
        Arguments.of("waves: {jobs: 1}", "c.yaml: unknown key 'waves.jobs'"),
        Arguments.of("waves: {deployments: 0}", "c.yaml: waves.deployments (0) must be greater than waves.migrationJob (0)"),
        Arguments.of("waves: {services: x}", "c.yaml: waves.services must be an integer"),
        Arguments.of("selectors: {migration: {}}", "c.yaml: selectors.migration must name at least one label"),
        Arguments.of("selectors: {database: {tier: 1}}", "c.yaml: selectors.database values must be strings (quote numbers and booleans)"),
        Arguments.of("rollout: {maxSurge: -1}", "c.yaml: rollout.maxSurge must be a non-negative integer or a percentage such as 25%"),
        Arguments.of("rollout: {maxSurge: 1.5}", "c.yaml: rollout.maxSurge must be a non-negative integer or a percentage such as 25%"),
        Arguments.of("rollout: {maxSurge: 0}", "c.yaml: rollout.maxSurge and rollout.maxUnavailable cannot both be zero"),
        Arguments.of("rollout: {maxSurge: 0%}", "c.yaml: rollout.maxSurge and rollout.maxUnavailable cannot both be zero"),
        Arguments.of("rollout: {maxSurge: 1, maxSurge: 2}", "c.yaml line 1, column 24: invalid YAML: found duplicate key maxSurge"),
        Arguments.of("- a", "c.yaml: the top level must be a mapping with string keys"),
        Arguments.of("a: [", "c.yaml line 1, column 5: invalid YAML: expected the node content, but found '<stream end>'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void rejectsUnknownKeysAndBadValuesNamingThem(String config, String message) {
    assertThatThrownBy(() -> Settings.load(config, "c.yaml"))
        .isInstanceOf(SettingsException.class)
        .hasMessage(message);
  }
}
