package io.migrationhooks.model;

import io.migrationhooks.yaml.BadInputException;
import io.migrationhooks.yaml.Document;
import io.migrationhooks.yaml.Yaml11Scalars;
import io.migrationhooks.yaml.Yaml11Value.Str;
import io.migrationhooks.yaml.YamlNodes;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The fields every Kubernetes object needs, checked before anything reads them, so that a malformed
 * document is one bad-input line naming it and the field, as the API server would refuse it:
 * {@code kind} and {@code apiVersion} non-empty strings; {@code metadata} a mapping with a string
 * {@code name}; {@code namespace} a string; {@code labels} and {@code annotations} mappings, or
 * null, which the API reads as empty. Values inside them are left to the API server: an untouched
 * document reaches Helm as it was. A {@code *List} kind holds items, not metadata.
 */
final class ObjectShape {
  private ObjectShape() {}

  /** @throws BadInputException naming the document and the first field that is wrong */
  static void check(Document document, MappingNode root) {
    String kind = requiredString(document, root, null, "kind");
    requiredString(document, root, kind, "apiVersion");
    if (kind.endsWith("List")) {
      return;
    }
    Node metadata = YamlNodes.get(root, "metadata").orElse(null);
    if (metadata == null || Yaml11Scalars.isNull(metadata)) {
      throw new BadInputException((metadata == null ? document.describe() : document.describe(metadata)) + " (" + kind + "): metadata is missing");
    }
    if (!(metadata instanceof MappingNode metadataMapping)) {
      throw wrong(document, kind, metadata, "metadata", "a mapping");
    }
    requiredString(document, metadataMapping, kind, "metadata", "name");
    optionalString(document, metadataMapping, kind, "metadata.namespace", "namespace");
    mappingOrNull(document, metadataMapping, kind, "metadata.labels", "labels");
    mappingOrNull(document, metadataMapping, kind, "metadata.annotations", "annotations");
  }

  private static String requiredString(Document document, MappingNode mapping, String kind, String... path) {
    String field = String.join(".", path);
    Node node = YamlNodes.get(mapping, path[path.length - 1]).orElse(null);
    if (node == null) {
      String where = mapping == document.root() ? document.describe() : document.describe(mapping);
      throw new BadInputException(where + kindSuffix(kind) + ": " + field + " is missing");
    }
    String text = stringValue(node);
    if (text == null || text.isEmpty()) {
      throw wrong(document, kind, node, field, "a non-empty string");
    }
    return text;
  }

  private static void optionalString(Document document, MappingNode mapping, String kind, String field, String key) {
    Optional<Node> node = YamlNodes.get(mapping, key);
    if (node.isPresent() && !Yaml11Scalars.isNull(node.get()) && stringValue(node.get()) == null) {
      throw wrong(document, kind, node.get(), field, "a string");
    }
  }

  private static void mappingOrNull(Document document, MappingNode metadata, String kind, String field, String key) {
    Node node = YamlNodes.get(metadata, key).orElse(null);
    if (node == null || Yaml11Scalars.isNull(node)) {
      return;
    }
    if (!(node instanceof MappingNode)) {
      throw wrong(document, kind, node, field, "a mapping");
    }
  }

  /** The text of a scalar the API receives as a string; null for anything else. */
  private static String stringValue(Node node) {
    return node instanceof ScalarNode scalar && Yaml11Scalars.resolve(scalar) instanceof Str string ? string.value() : null;
  }

  private static BadInputException wrong(Document document, String kind, Node node, String field, String expected) {
    return new BadInputException(document.describe(node) + kindSuffix(kind) + ": " + field + " must be " + expected
        + ", not " + Yaml11Scalars.describe(node));
  }

  private static String kindSuffix(String kind) {
    return kind == null ? "" : " (" + kind + ")";
  }
}
