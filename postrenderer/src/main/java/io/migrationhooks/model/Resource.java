package io.migrationhooks.model;

import io.migrationhooks.yaml.BadInputException;
import io.migrationhooks.yaml.Document;
import io.migrationhooks.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** A read-only view of a Kubernetes object held by one non-empty document. */
public final class Resource {
  private static final Map<String, String> BUILT_IN_GROUPS = Map.ofEntries(
      Map.entry("Deployment", "apps"), Map.entry("StatefulSet", "apps"), Map.entry("DaemonSet", "apps"),
      Map.entry("ReplicaSet", "apps"), Map.entry("Job", "batch"), Map.entry("CronJob", "batch"),
      Map.entry("Pod", ""), Map.entry("Service", ""), Map.entry("Secret", ""), Map.entry("ConfigMap", ""),
      Map.entry("PersistentVolumeClaim", ""), Map.entry("ServiceAccount", ""));

  private final Document document;
  private final String kind;
  private final String apiVersion;
  private final String name;
  private final String namespace;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  // Read with the rest at the first parse, so that the selection never parses the document again.
  private final Map<String, String> podTemplateLabels;
  private final Set<Reference> podTemplateReferences;
  private final Map<String, String> serviceSelector;
  private final String strategyType;
  private final List<String> accessModes;

  private Resource(Document document, MappingNode root, UnaryOperator<String> canonical) {
    this.document = document;
    this.kind = canonical(YamlNodes.stringAt(root, "kind"), canonical);
    this.apiVersion = canonical(YamlNodes.stringAt(root, "apiVersion"), canonical);
    this.name = canonical(YamlNodes.stringAt(root, "metadata", "name"), canonical);
    String namespace = YamlNodes.stringAt(root, "metadata", "namespace");
    this.namespace = namespace == null || namespace.isEmpty() ? null : canonical.apply(namespace);
    this.labels = stringMapAt(root, canonical, "metadata", "labels");
    this.annotations = stringMapAt(root, canonical, "metadata", "annotations");
    Optional<PodTemplate> template = podTemplate(root);
    this.podTemplateLabels = template.map(t -> CompactStringMap.copyOf(t.labels(), canonical)).orElse(null);
    this.podTemplateReferences = template.map(PodTemplate::references).orElse(Set.of());
    this.serviceSelector = isKind("Service") ? stringMapAt(root, canonical, "spec", "selector") : Map.of();
    this.strategyType = isKind("Deployment") ? canonical(YamlNodes.stringAt(root, "spec", "strategy", "type"), canonical) : null;
    this.accessModes = isKind("PersistentVolumeClaim") ? accessModes(root, canonical) : List.of();
  }

  private static String canonical(String text, UnaryOperator<String> canonical) {
    return text == null ? null : canonical.apply(text);
  }

  private static List<String> accessModes(MappingNode root, UnaryOperator<String> canonical) {
    List<String> modes = new ArrayList<>();
    for (Node mode : YamlNodes.items(YamlNodes.at(root, "spec", "accessModes").orElse(null))) {
      String text = YamlNodes.scalar(mode);
      if (text != null) {
        modes.add(canonical.apply(text));
      }
    }
    return List.copyOf(modes);
  }

  private static Map<String, String> stringMapAt(MappingNode root, UnaryOperator<String> canonical, String... path) {
    return CompactStringMap.copyOf(YamlNodes.at(root, path).map(YamlNodes::stringMap).orElse(Map.of()), canonical);
  }

  /** @throws BadInputException when the document is not a Kubernetes object ({@link ObjectShape}) */
  public static Resource of(Document document) {
    return of(document, UnaryOperator.identity());
  }

  /**
   * Like {@link #of(Document)}; each string kept is passed through {@code canonical}, which may
   * return an equal string seen before, so that a stream's resources share their repeated names,
   * labels and annotations instead of each holding copies.
   */
  public static Resource of(Document document, UnaryOperator<String> canonical) {
    if (document.root() instanceof MappingNode mapping) {
      ObjectShape.check(document, mapping);
      return new Resource(document, mapping, canonical);
    }
    if (document.root() == null) {
      throw new IllegalArgumentException("empty document");
    }
    throw new BadInputException(document.describe(document.root()) + ": the document is not a mapping (a Kubernetes object)");
  }

  /** A resource for every non-empty document, in stream order. */
  public static List<Resource> fromDocuments(List<Document> documents) {
    List<Resource> resources = new ArrayList<>();
    for (Document document : documents) {
      if (!document.isEmpty()) {
        resources.add(of(document));
      }
    }
    return resources;
  }

  public Document document() {
    return document;
  }

  /** The document's root; its tree may have been released after the facts above were read, then it is parsed again. */
  public MappingNode root() {
    return (MappingNode) document.root();
  }

  public String kind() {
    return kind;
  }

  public String apiVersion() {
    return apiVersion;
  }

  public String name() {
    return name;
  }

  /** Null when the document names no namespace (Helm applies the release namespace). */
  public String namespace() {
    return namespace;
  }

  /** {@code Kind/namespace/name}, {@code Kind/name} without namespace, or the document position. */
  public String id() {
    if (kind == null || name == null) {
      return document.describe() + (kind == null ? "" : " (" + kind + ")");
    }
    return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  /** Whether this is the built-in kind (a custom resource that reuses the name, in another API group, is not). */
  public boolean isKind(String expected) {
    if (!expected.equals(kind)) {
      return false;
    }
    String group = BUILT_IN_GROUPS.get(expected);
    if (group == null || apiVersion == null) {
      return true;
    }
    int slash = apiVersion.indexOf('/');
    return group.equals(slash < 0 ? "" : apiVersion.substring(0, slash));
  }

  public Map<String, String> labels() {
    return labels;
  }

  public Map<String, String> annotations() {
    return annotations;
  }

  public String annotation(String key) {
    return annotations().get(key);
  }

  public boolean hasAnnotation(String key) {
    return annotations().containsKey(key);
  }

  public String stringAt(String... path) {
    return YamlNodes.stringAt(root(), path);
  }

  public Optional<Node> nodeAt(String... path) {
    return YamlNodes.at(root(), path);
  }

  /**
   * Whether both may live in the same namespace. A resource without namespace goes to the release
   * namespace, which the stream does not name, so it may share it with any other. Charts often set
   * the namespace on some templates only; missing a dependency would break the install, while
   * including one only makes it a hook.
   */
  public boolean sameNamespace(Resource other) {
    return namespace == null || other.namespace == null || namespace.equals(other.namespace);
  }

  public Optional<PodTemplate> podTemplate() {
    return podTemplate(root());
  }

  private Optional<PodTemplate> podTemplate(MappingNode root) {
    if (kind == null || !isKind(kind)) {
      return Optional.empty();
    }
    return switch (kind) {
      case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> YamlNodes.at(root, "spec", "template").map(PodTemplate::new);
      case "CronJob" -> YamlNodes.at(root, "spec", "jobTemplate", "spec", "template").map(PodTemplate::new);
      case "Pod" -> Optional.of(new PodTemplate(root));
      default -> Optional.empty();
    };
  }

  /** The pod template's labels, if this kind has a pod template and the document holds one. */
  public Optional<Map<String, String>> podTemplateLabels() {
    return Optional.ofNullable(podTemplateLabels);
  }

  /** {@link PodTemplate#references()} of the pod template; empty without one. */
  public Set<Reference> podTemplateReferences() {
    return podTemplateReferences;
  }

  /** A Service's {@code spec.selector}; empty for other kinds. */
  public Map<String, String> serviceSelector() {
    return serviceSelector;
  }

  /** A Deployment's {@code spec.strategy.type} as written; null for other kinds or without one. */
  public String strategyType() {
    return strategyType;
  }

  /** A PersistentVolumeClaim's {@code spec.accessModes}; empty for other kinds. */
  public List<String> accessModes() {
    return accessModes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Resource resource && resource.document == document;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(document);
  }

  @Override
  public String toString() {
    return id();
  }
}
