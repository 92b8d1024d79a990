package io.migrationhooks.check;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rollout rules: Recreate, readiness probes, both values 0, ReadWriteOnce volumes with a surge. */
class DeploymentRulesTest {
  private static final String PROBED = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec:
        strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
        template:
          spec:
            containers:
              - name: api
                readinessProbe: {httpGet: {path: /ready, port: 8080}}
      """;

  static Stream<RuleCase> recreate() {
    return Stream.of(
        RuleCase.fires("Recreate", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec: {strategy: {type: Recreate}}
            """, "Deployment/shop/api"),
        RuleCase.quiet("a database Deployment needs Recreate", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db, labels: {app.kubernetes.io/component: database}}
            spec: {strategy: {type: Recreate}}
            """),
        RuleCase.quiet("RollingUpdate", PROBED),
        RuleCase.quiet("Recreate for a ReadWriteOnce claim is deliberate (render keeps it too)",
            MOUNTING.replace("type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}", "type: Recreate") + CLAIM),
        RuleCase.fires("Recreate with a ReadWriteMany claim", MOUNTING.replace(
            "type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}", "type: Recreate")
            + CLAIM.replace("ReadWriteOnce", "ReadWriteMany"), "Deployment/api"),
        RuleCase.quiet("an unmanaged Recreate is the user's choice", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, annotations: {migration-hooks.io/rollout: unmanaged}}
            spec: {strategy: {type: Recreate}}
            """),
        RuleCase.fires("a managed Recreate (render replaces it)", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, annotations: {migration-hooks.io/rollout: managed}}
            spec: {strategy: {type: Recreate}}
            """, "Deployment/api"),
        RuleCase.quiet("no strategy: Kubernetes rolls", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            """));
  }

  static Stream<RuleCase> readinessProbe() {
    return Stream.of(
        RuleCase.fires("one of two containers has no probe", PROBED + """
                    - name: sidecar
            """, "Deployment/api"),
        RuleCase.fires("a null probe is no probe", PROBED.replace("{httpGet: {path: /ready, port: 8080}}", "~"), "Deployment/api"),
        RuleCase.quiet("every container probed (init containers need none)", PROBED.replace("\n      containers:",
            "\n      initContainers: [{name: wait}]\n      containers:")));
  }

  static Stream<RuleCase> zeroSurgeAndUnavailable() {
    return Stream.of(
        RuleCase.fires("0 and 0%", PROBED.replace("maxSurge: 1", "maxSurge: 0%"), "Deployment/api"),
        RuleCase.quiet("surge 1", PROBED),
        RuleCase.quiet("percentages that round to 0 are raised by the controller, not rejected",
            PROBED.replace("maxSurge: 1, maxUnavailable: 0", "maxSurge: 0, maxUnavailable: 10%")),
        RuleCase.quiet("surge 0 alone takes the default unavailable 25%",
            PROBED.replace("maxSurge: 1, maxUnavailable: 0", "maxSurge: 0")));
  }

  private static final String CLAIM = """
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: uploads}
      spec: {accessModes: [ReadWriteOnce]}
      """;
  private static final String MOUNTING = PROBED + """
            volumes:
              - name: uploads
                persistentVolumeClaim: {claimName: uploads}
      """;

  static Stream<RuleCase> readWriteOnceSurge() {
    return Stream.of(
        RuleCase.fires("ReadWriteOnce and surge 1", MOUNTING + CLAIM, "Deployment/api"),
        RuleCase.fires("ReadWriteOncePod and the default 25% surge", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              replicas: 2
              template:
                spec:
                  volumes: [{name: v, persistentVolumeClaim: {claimName: uploads}}]
            """ + CLAIM.replace("ReadWriteOnce", "ReadWriteOncePod"), "Deployment/api"),
        RuleCase.quiet("surge 0", MOUNTING.replace("maxSurge: 1, maxUnavailable: 0", "maxSurge: 0, maxUnavailable: 1") + CLAIM),
        RuleCase.quiet("Recreate", MOUNTING.replace("type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}",
            "type: Recreate") + CLAIM),
        RuleCase.quiet("ReadWriteMany", MOUNTING + CLAIM.replace("ReadWriteOnce", "ReadWriteMany")),
        RuleCase.quiet("a claim of another namespace", MOUNTING.replace("{name: api}", "{name: api, namespace: a}")
            + CLAIM.replace("{name: uploads}", "{name: uploads, namespace: b}")),
        RuleCase.quiet("the claim is not in the stream", MOUNTING),
        RuleCase.quiet("migration-hooks.io/rollout: managed accepts the surge (render applies it)",
            MOUNTING.replace("{name: api}", "{name: api, annotations: {migration-hooks.io/rollout: managed}}") + CLAIM),
        RuleCase.fires("unmanaged does not make a hanging surge safe",
            MOUNTING.replace("{name: api}", "{name: api, annotations: {migration-hooks.io/rollout: unmanaged}}") + CLAIM,
            "Deployment/api"),
        RuleCase.fires("a database Deployment that surges onto its claim",
            MOUNTING.replace("{name: api}", "{name: api, labels: {app.kubernetes.io/component: database}}") + CLAIM,
            "Deployment/api"));
  }

  @ParameterizedTest
  @MethodSource("recreate")
  void recreate(RuleCase rule) {
    rule.assertFindings(new DeploymentRecreateRule());
  }

  @ParameterizedTest
  @MethodSource("readinessProbe")
  void readinessProbe(RuleCase rule) {
    rule.assertFindings(new ReadinessProbeRule());
  }

  @ParameterizedTest
  @MethodSource("zeroSurgeAndUnavailable")
  void zeroSurgeAndUnavailable(RuleCase rule) {
    rule.assertFindings(new ZeroSurgeAndUnavailableRule());
  }

  @ParameterizedTest
  @MethodSource("readWriteOnceSurge")
  void readWriteOnceSurge(RuleCase rule) {
    rule.assertFindings(new ReadWriteOnceSurgeRule());
  }
}
