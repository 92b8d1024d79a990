package io.migrationhooks.plan;

import io.migrationhooks.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resources by kind and name, so lookups stay linear on streams of many thousand documents. */
public final class ResourceIndex {
  private final Map<String, List<Resource>> byKindAndName = new HashMap<>();

  public ResourceIndex(List<Resource> resources) {
    for (Resource resource : resources) {
      String kind = resource.kind();
      String name = resource.name();
      if (kind != null && name != null) {
        byKindAndName.computeIfAbsent(kind + "/" + name, key -> new ArrayList<>()).add(resource);
      }
    }
  }

  /** Resources of this built-in kind (not a custom resource of the same name) and name, in stream order. */
  public List<Resource> find(String kind, String name) {
    return byKindAndName.getOrDefault(kind + "/" + name, List.of()).stream()
        .filter(resource -> resource.isKind(kind)).toList();
  }

  /** The first resource of this kind and name that may share the namespace of {@code near}. */
  public java.util.Optional<Resource> findNear(String kind, String name, Resource near) {
    return find(kind, name).stream().filter(resource -> resource.sameNamespace(near)).findFirst();
  }
}
