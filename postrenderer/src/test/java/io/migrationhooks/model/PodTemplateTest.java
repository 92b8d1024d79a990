package io.migrationhooks.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationhooks.yaml.Document;
import io.migrationhooks.yaml.Limits;
import io.migrationhooks.yaml.YamlStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodTemplateTest {
  private static final String POD_SPEC = """
      serviceAccountName: sa
      serviceAccount: old-sa
      imagePullSecrets: [{name: pull}]
      initContainers:
        - name: init
          env: [{name: A, valueFrom: {configMapKeyRef: {name: init-cm, key: a}}}]
      containers:
        - name: main
          env:
            - {name: B, value: literal}
            - {name: C, valueFrom: {secretKeyRef: {name: env-secret, key: c}}}
            - {name: D, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
          envFrom:
            - secretRef: {name: envfrom-secret}
            - configMapRef: {name: envfrom-cm}
      volumes:
        - {name: v1, secret: {secretName: vol-secret}}
        - {name: v2, configMap: {name: vol-cm}}
        - {name: v3, persistentVolumeClaim: {claimName: data}}
        - {name: v4, projected: {sources: [{secret: {name: proj-secret}}, {configMap: {name: proj-cm}}, {serviceAccountToken: {path: t}}]}}
        - {name: v5, emptyDir: {}}
      """;

  static Stream<Arguments> workloads() {
    return Stream.of(
        Arguments.of("Deployment", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n" + indent(POD_SPEC, 6)),
        Arguments.of("StatefulSet", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n" + indent(POD_SPEC, 6)),
        Arguments.of("DaemonSet", "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n" + indent(POD_SPEC, 6)),
        Arguments.of("ReplicaSet", "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n" + indent(POD_SPEC, 6)),
        Arguments.of("Job", "apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n" + indent(POD_SPEC, 6)),
        Arguments.of("CronJob", "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n"
            + indent(POD_SPEC, 10)),
        Arguments.of("Pod", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n" + indent(POD_SPEC, 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workloads")
  void findsEveryReferencedObject(String kind, String yaml) {
    Resource resource = Resource.of(YamlStream.parse(yaml, Limits.DEFAULT).get(0));

    assertThat(resource.podTemplate()).get().extracting(PodTemplate::references).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.iterable(Reference.class)).containsExactly(
        new Reference("ServiceAccount", "sa"),
        new Reference("ServiceAccount", "old-sa"),
        new Reference("Secret", "pull"),
        new Reference("ConfigMap", "init-cm"),
        new Reference("Secret", "env-secret"),
        new Reference("Secret", "envfrom-secret"),
        new Reference("ConfigMap", "envfrom-cm"),
        new Reference("Secret", "vol-secret"),
        new Reference("ConfigMap", "vol-cm"),
        new Reference("PersistentVolumeClaim", "data"),
        new Reference("Secret", "proj-secret"),
        new Reference("ConfigMap", "proj-cm"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workloads")
  void resourceKeepsThePodTemplateFactsOnceItsTreeIsReleased(String kind, String yaml) {
    Document document = YamlStream.parse(yaml, Limits.DEFAULT).get(0);
    Resource resource = Resource.of(document);
    PodTemplate template = resource.podTemplate().orElseThrow();
    document.releaseTree();

    assertThat(resource.podTemplateReferences()).containsExactlyElementsOf(template.references());
    assertThat(resource.podTemplateLabels()).contains(template.labels());
  }

  @Test
  void servicesKeepTheirSelectorOtherKindsHaveNone() {
    Resource service = Resource.of(YamlStream.parse("apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {selector: {app: db}}\n", Limits.DEFAULT).get(0));
    Resource deployment = Resource.of(YamlStream.parse("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {selector: {app: db}}\n", Limits.DEFAULT).get(0));

    assertThat(service.serviceSelector()).containsExactly(org.assertj.core.api.Assertions.entry("app", "db"));
    assertThat(deployment.serviceSelector()).isEmpty();
    assertThat(service.podTemplateLabels()).isEmpty();
    assertThat(service.podTemplateReferences()).isEmpty();
  }

  @Test
  void otherKindsHaveNoPodTemplate() {
    Resource service = Resource.of(YamlStream.parse("apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {template: {}}\n", Limits.DEFAULT).get(0));
    Resource custom = Resource.of(YamlStream.parse("apiVersion: x.io/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {template: {}}\n", Limits.DEFAULT).get(0));

    assertThat(service.podTemplate()).isEmpty();
    assertThat(custom.podTemplate()).isEmpty();
  }

  @Test
  void readsTemplateLabelsAndResourceIdentity() {
    Resource resource = Resource.of(YamlStream.parse("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop, labels: {a: "1"}, annotations: {b: yes}}
        spec:
          template:
            metadata: {labels: {app: api, tier: "on"}}
        """, Limits.DEFAULT).get(0));

    assertThat(resource.id()).isEqualTo("Deployment/shop/api");
    assertThat(resource.labels()).containsExactly(org.assertj.core.api.Assertions.entry("a", "1"));
    assertThat(resource.annotations()).containsEntry("b", "yes");
    assertThat(resource.podTemplate().orElseThrow().labels()).containsEntry("app", "api").containsEntry("tier", "on");
  }

  private static String indent(String text, int spaces) {
    return text.indent(spaces);
  }
}
