package io.migrationhooks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationhooks.check.CheckContext;
import io.migrationhooks.check.CheckRules;
import io.migrationhooks.check.Checker;
import io.migrationhooks.check.Finding;
import io.migrationhooks.plan.StreamResources;
import io.migrationhooks.yaml.BadInputException;
import io.migrationhooks.yaml.Limits;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RolloutRuleTest {
  private static final String API = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec:
        template:
          spec:
            volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
      """;
  private static final String STRATEGY = """
      strategy:
        type: RollingUpdate
        rollingUpdate:
          maxUnavailable: 0
          maxSurge: 1
    """;
  private static final String RWO_CLAIM = """
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce]}
      """;
  private static final String KEPT_FOR_CLAIM = "rollout left alone: it mounts PersistentVolumeClaim/data (ReadWriteOnce),"
      + " which a surge pod cannot attach while an old pod holds it (annotate migration-hooks.io/rollout: managed to"
      + " roll it out with a surge anyway)";
  private static final String RECREATE_KEPT = "warning: Deployment/api: kept as the chart wrote it (a singleton, or a"
      + " volume only one pod can use, may need it): strategy Recreate stops every pod before new ones start: the"
      + " service is down during each upgrade \u2014 annotate migration-hooks.io/rollout: managed and render rolls it"
      + " out with RollingUpdate (maxUnavailable 0, maxSurge 1); to keep Recreate on purpose, annotate"
      + " migration-hooks.io/rollout: unmanaged [deployment-recreate]";

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
        RuleCase.of("fixes only the values that differ",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              strategy:
                type: RollingUpdate   # as written
                rollingUpdate: {maxSurge: 1, maxUnavailable: 25%}
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              strategy:
                type: RollingUpdate   # as written
                rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
            """),
        RuleCase.unchanged("an explicit Recreate is kept, with a hazard note naming the override",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              strategy: {type: Recreate}
            """,
            RECREATE_KEPT),
        RuleCase.of("migration-hooks.io/rollout: managed replaces an explicit Recreate, noted",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, annotations: {migration-hooks.io/rollout: managed}}
            spec:
              strategy:
                type: Recreate   # was
                rollingUpdate: {maxSurge: 1, maxUnavailable: 25%}
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, annotations: {migration-hooks.io/rollout: managed}}
            spec:
              strategy:
                type: RollingUpdate   # was
                rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
            """,
            "Deployment/api: strategy Recreate replaced by RollingUpdate (migration-hooks.io/rollout: managed)"),
        RuleCase.unchanged("an ignored Recreate hazard is a plain note",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, annotations: {migration-hooks.io/ignore: Deployment-Recreate}}
            spec:
              strategy: {type: Recreate}
            """,
            RECREATE_KEPT.replace("warning: ", "").replace(" [deployment-recreate]",
                " (deployment-recreate ignored by migration-hooks.io/ignore)")),
        RuleCase.unchanged("a ReadWriteOnce claim of the stream keeps the strategy; its surge is a hazard",
            API + RWO_CLAIM,
            "warning: Deployment/api: " + KEPT_FOR_CLAIM + ": mounts PersistentVolumeClaim/data (ReadWriteOnce) and"
                + " surges 1 pod(s): a new pod cannot attach the volume an old pod holds, so the rollout hangs \u2014 set"
                + " strategy Recreate, or maxSurge: 0 with maxUnavailable: 1, or use a ReadWriteMany volume (annotate"
                + " migration-hooks.io/rollout: managed if every pod can attach it, e.g. on one node)"
                + " [rwo-volume-with-surge]"),
        RuleCase.unchanged("a ReadWriteOncePod claim keeps Recreate, with no hazard",
            API.replace("spec:\n  template:", "spec:\n  strategy: {type: Recreate}\n  template:")
                + RWO_CLAIM.replace("[ReadWriteOnce]", "[ReadWriteMany, ReadWriteOncePod]"),
            "Deployment/api: " + KEPT_FOR_CLAIM.replace("(ReadWriteOnce)", "(ReadWriteOncePod)")),
        RuleCase.unchanged("a ReadWriteOnce claim keeps a strategy that does not surge",
            API.replace("spec:\n  template:", "spec:\n  strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}\n  template:")
                + RWO_CLAIM,
            "Deployment/api: " + KEPT_FOR_CLAIM),
        RuleCase.of("a ReadWriteMany claim is no reason to keep the strategy",
            API + RWO_CLAIM.replace("ReadWriteOnce", "ReadWriteMany"),
            API.replace("spec:\n  template:", "spec:\n" + STRATEGY + "  template:")
                + RWO_CLAIM.replace("ReadWriteOnce", "ReadWriteMany")),
        RuleCase.of("a claim of another namespace or not in the stream is no reason either",
            API.replace("{name: api}", "{name: api, namespace: a}")
                + RWO_CLAIM.replace("{name: data}", "{name: data, namespace: b}"),
            API.replace("{name: api}", "{name: api, namespace: a}").replace("spec:\n  template:", "spec:\n" + STRATEGY + "  template:")
                + RWO_CLAIM.replace("{name: data}", "{name: data, namespace: b}")),
        RuleCase.of("migration-hooks.io/rollout: managed surges onto a ReadWriteOnce claim, noted",
            API.replace("{name: api}", "{name: api, annotations: {migration-hooks.io/rollout: managed}}") + RWO_CLAIM,
            API.replace("{name: api}", "{name: api, annotations: {migration-hooks.io/rollout: managed}}")
                .replace("spec:\n  template:", "spec:\n" + STRATEGY + "  template:") + RWO_CLAIM,
            "Deployment/api: rolled out with a surge although it mounts PersistentVolumeClaim/data (ReadWriteOnce)"
                + " (migration-hooks.io/rollout: managed)"),
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
        RuleCase.unchanged("an unmanaged Deployment keeps its strategy; Recreate is then deliberate",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, annotations: {migration-hooks.io/rollout: unmanaged}}
            spec:
              strategy: {type: Recreate}
            """,
            "Deployment/api: rollout left alone (migration-hooks.io/rollout: unmanaged)"),
        RuleCase.unchanged("an unmanaged Deployment that surges onto a ReadWriteOnce claim still gets the hazard",
            API.replace("{name: api}", "{name: api, annotations: {migration-hooks.io/rollout: unmanaged}}") + RWO_CLAIM,
            "warning: Deployment/api: rollout left alone (migration-hooks.io/rollout: unmanaged): mounts"
                + " PersistentVolumeClaim/data (ReadWriteOnce) and surges 1 pod(s): a new pod cannot attach the volume an"
                + " old pod holds, so the rollout hangs \u2014 set strategy Recreate, or maxSurge: 0 with maxUnavailable: 1,"
                + " or use a ReadWriteMany volume (annotate migration-hooks.io/rollout: managed if every pod can attach"
                + " it, e.g. on one node) [rwo-volume-with-surge]"),
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
  void rollsOutWithoutLosingReadyPodsWhereThatIsSafe(RuleCase rule) {
    RenderResult result = rule.render(Settings.defaults());

    assertThat(result.output()).isEqualTo(rule.expected());
    assertThat(result.notes()).containsExactlyElementsOf(rule.notes());
  }

  /** check of render's output finds exactly render's hazard notes: never a change render made or would undo. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checkOfTheOutputFindsExactlyTheHazardNotes(RuleCase rule) {
    RenderResult result = rule.render(Settings.defaults());

    assertThat(rolloutFindings(result.output(), Settings.defaults()))
        .containsExactlyElementsOf(hazards(result));
  }

  /** Rendering the output again changes nothing: render does not fight its own output either. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void renderingTheOutputAgainKeepsIt(RuleCase rule) {
    String output = rule.render(Settings.defaults()).output();

    assertThat(new RuleCase("again", output, output, List.of()).render(Settings.defaults()).output()).isEqualTo(output);
  }

  @Test
  void rolloutExcludeKeepsTheStrategyAndMakesRecreateDeliberate() {
    Settings settings = Settings.defaults();
    settings.rolloutExclude = new ResourceSelector("rollout.exclude", Settings.ROLLOUT_KINDS,
        List.of(new SelectorEntry(null, null, null, List.of("sched*"))), true);
    RuleCase rule = new RuleCase("excluded", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: scheduler}
        spec: {strategy: {type: Recreate}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec: {strategy: {type: Recreate}}
        """, "", List.of());

    RenderResult result = rule.render(settings);

    assertThat(result.output()).isEqualTo(rule.input());
    assertThat(result.notes()).containsExactly("Deployment/scheduler: rollout left alone (rollout.exclude)",
        RECREATE_KEPT.replace("Deployment/api", "Deployment/web"));
    assertThat(rolloutFindings(result.output(), settings)).containsExactly("deployment-recreate Deployment/web")
        .containsExactlyElementsOf(hazards(result));
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
        .hasMessage("Deployment/api: migration-hooks.io/rollout must be 'managed' or 'unmanaged'");
  }

  private static List<String> hazards(RenderResult result) {
    return result.hazards().stream().map(note -> note.hazard() + " " + note.subject()).toList();
  }

  private static List<String> rolloutFindings(String stream, Settings settings) {
    CheckContext context = CheckContext.of(StreamResources.parse(stream, Limits.DEFAULT), settings, Optional.empty());
    List<Finding> findings = Checker.withAllRules().check(context).findings();
    assertThat(CheckRules.all()).extracting(rule -> rule.id())
        .contains(RolloutPolicy.RECREATE_HAZARD, RolloutPolicy.SINGLE_ATTACH_SURGE_HAZARD);
    return findings.stream()
        .filter(finding -> finding.ruleId().equals(RolloutPolicy.RECREATE_HAZARD)
            || finding.ruleId().equals(RolloutPolicy.SINGLE_ATTACH_SURGE_HAZARD))
        .map(finding -> finding.ruleId() + " " + finding.resource().id())
        .toList();
  }
}
