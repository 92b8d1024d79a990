package io.migrationhooks.render;

import static io.migrationhooks.yaml.YamlNodes.at;
import static io.migrationhooks.yaml.YamlNodes.items;
import static io.migrationhooks.yaml.YamlNodes.scalar;

import io.migrationhooks.model.PodTemplate;
import io.migrationhooks.model.Reference;
import io.migrationhooks.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The Services a Job can reach by name: a Service's name appears, as {@code svc}, {@code svc.ns},
 * {@code svc.ns.svc} or {@code svc.ns.svc.cluster.local} (with or without a port, a scheme, a user
 * or a path around it), in the Job's env values, commands or args, or in the data of a ConfigMap or
 * Secret the Job's pods read. Secret data is decoded to look and never kept or printed. Each string
 * is split into host-like tokens once and each token is one hash lookup, so the work is linear in
 * the size of what is read.
 */
final class NameReferences {
  private final Map<String, List<Resource>> servicesByName = new HashMap<>();
  private final Map<Reference, List<Resource>> configByReference;

  NameReferences(List<Resource> resources, Map<Reference, List<Resource>> configByReference) {
    for (Resource resource : resources) {
      if (resource.isKind("Service") && resource.name() != null) {
        servicesByName.computeIfAbsent(resource.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(resource);
      }
    }
    this.configByReference = configByReference;
  }

  /** The Services this Job names, in the order it names them. */
  Set<Resource> servicesReachedBy(Resource job) {
    Set<Resource> reached = new LinkedHashSet<>();
    if (servicesByName.isEmpty()) {
      return reached;
    }
    Optional<PodTemplate> template = job.podTemplate();
    if (template.isEmpty()) {
      return reached;
    }
    Node spec = at(template.get().node(), "spec").orElse(null);
    for (String containers : new String[] {"initContainers", "containers"}) {
      for (Node container : items(at(spec, containers).orElse(null))) {
        for (Node env : items(at(container, "env").orElse(null))) {
          scan(at(env, "value").map(NameReferences::text).orElse(null), job, reached);
        }
        for (Node word : items(at(container, "command").orElse(null))) {
          scan(text(word), job, reached);
        }
        for (Node word : items(at(container, "args").orElse(null))) {
          scan(text(word), job, reached);
        }
      }
    }
    for (Reference reference : job.podTemplateReferences()) {
      boolean secret = reference.kind().equals(Reference.SECRET);
      if (!secret && !reference.kind().equals(Reference.CONFIG_MAP)) {
        continue;
      }
      for (Resource config : configByReference.getOrDefault(reference, List.of())) {
        if (config.sameNamespace(job)) {
          scanData(config, secret, job, reached);
        }
      }
    }
    return reached;
  }

  private void scanData(Resource config, boolean secret, Resource job, Set<Resource> reached) {
    for (Node value : values(config.nodeAt("data").orElse(null))) {
      String text = text(value);
      scan(secret ? decode(text) : text, job, reached);
    }
    if (secret) {
      for (Node value : values(config.nodeAt("stringData").orElse(null))) {
        scan(text(value), job, reached);
      }
    }
  }

  private static List<Node> values(Node node) {
    List<Node> values = new ArrayList<>();
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        values.add(tuple.getValueNode());
      }
    }
    return values;
  }

  private static String text(Node node) {
    return node == null ? null : scalar(node);
  }

  private static String decode(String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Splits on everything that cannot be part of a host name and looks each token up. */
  private void scan(String text, Resource job, Set<Resource> reached) {
    if (text == null) {
      return;
    }
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean hostChar = i < text.length() && isHostChar(text.charAt(i));
      if (hostChar && start < 0) {
        start = i;
      } else if (!hostChar && start >= 0) {
        lookUp(text.substring(start, i), job, reached);
        start = -1;
      }
    }
  }

  private static boolean isHostChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.';
  }

  private void lookUp(String token, Resource job, Set<Resource> reached) {
    String host = trim(token.toLowerCase(Locale.ROOT));
    if (host.isEmpty()) {
      return;
    }
    String[] parts = host.split("\\.", -1);
    String namespace = null;
    if (parts.length > 1) {
      boolean serviceSuffix = parts.length == 2
          || parts.length == 3 && parts[2].equals("svc")
          || parts.length == 5 && parts[2].equals("svc") && parts[3].equals("cluster") && parts[4].equals("local");
      if (!serviceSuffix) {
        return;
      }
      namespace = parts[1];
    }
    for (Resource service : servicesByName.getOrDefault(parts[0], List.of())) {
      boolean sameNamespace = namespace == null ? service.sameNamespace(job)
          : service.namespace() == null || service.namespace().equals(namespace);
      if (sameNamespace) {
        reached.add(service);
      }
    }
  }

  private static String trim(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && (token.charAt(start) == '.' || token.charAt(start) == '-')) {
      start++;
    }
    while (end > start && (token.charAt(end - 1) == '.' || token.charAt(end - 1) == '-')) {
      end--;
    }
    return token.substring(start, end);
  }
}
