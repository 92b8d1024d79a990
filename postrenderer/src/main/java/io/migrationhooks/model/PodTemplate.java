package io.migrationhooks.model;

import static io.migrationhooks.yaml.YamlNodes.at;
import static io.migrationhooks.yaml.YamlNodes.items;
import static io.migrationhooks.yaml.YamlNodes.stringAt;

import io.migrationhooks.yaml.YamlNodes;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** A pod template (or a Pod): its labels and the objects it needs to start. */
public final class PodTemplate {
  private final Node template;

  PodTemplate(Node template) {
    this.template = template;
  }

  public Node node() {
    return template;
  }

  public Map<String, String> labels() {
    return at(template, "metadata", "labels").map(YamlNodes::stringMap).orElse(Map.of());
  }

  /** Secrets, ConfigMaps, PersistentVolumeClaims and ServiceAccounts named by the pod spec, in document order. */
  public Set<Reference> references() {
    Set<Reference> references = new LinkedHashSet<>();
    Node spec = at(template, "spec").orElse(null);
    if (spec == null) {
      return references;
    }
    add(references, Reference.SERVICE_ACCOUNT, stringAt(spec, "serviceAccountName"));
    add(references, Reference.SERVICE_ACCOUNT, stringAt(spec, "serviceAccount"));
    for (Node secret : items(at(spec, "imagePullSecrets").orElse(null))) {
      add(references, Reference.SECRET, stringAt(secret, "name"));
    }
    for (String containers : new String[] {"initContainers", "containers"}) {
      for (Node container : items(at(spec, containers).orElse(null))) {
        addContainer(references, container);
      }
    }
    for (Node volume : items(at(spec, "volumes").orElse(null))) {
      add(references, Reference.SECRET, stringAt(volume, "secret", "secretName"));
      add(references, Reference.CONFIG_MAP, stringAt(volume, "configMap", "name"));
      add(references, Reference.PERSISTENT_VOLUME_CLAIM, stringAt(volume, "persistentVolumeClaim", "claimName"));
      for (Node source : items(at(volume, "projected", "sources").orElse(null))) {
        add(references, Reference.SECRET, stringAt(source, "secret", "name"));
        add(references, Reference.CONFIG_MAP, stringAt(source, "configMap", "name"));
      }
    }
    return Collections.unmodifiableSet(references);
  }

  private static void addContainer(Set<Reference> references, Node container) {
    for (Node env : items(at(container, "env").orElse(null))) {
      add(references, Reference.SECRET, stringAt(env, "valueFrom", "secretKeyRef", "name"));
      add(references, Reference.CONFIG_MAP, stringAt(env, "valueFrom", "configMapKeyRef", "name"));
    }
    for (Node envFrom : items(at(container, "envFrom").orElse(null))) {
      add(references, Reference.SECRET, stringAt(envFrom, "secretRef", "name"));
      add(references, Reference.CONFIG_MAP, stringAt(envFrom, "configMapRef", "name"));
    }
  }

  private static void add(Set<Reference> references, String kind, String name) {
    if (name != null && !name.isEmpty()) {
      references.add(new Reference(kind, name));
    }
  }
}
