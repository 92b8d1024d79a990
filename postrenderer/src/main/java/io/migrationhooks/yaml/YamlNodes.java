package io.migrationhooks.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reading helpers over a composed node tree. Every scalar is taken as its raw text; a later
 * duplicate key wins, and merge keys ({@code <<}) are honoured for reading, as Helm does.
 */
public final class YamlNodes {
  public static final String MERGE_KEY = "<<";
  private static final int MAX_MERGE_DEPTH = 16;

  private YamlNodes() {}

  /** The value at a path of mapping keys, if every step is a mapping that has the key. */
  public static Optional<Node> at(Node root, String... path) {
    Node node = root;
    for (String key : path) {
      node = get(node, key).orElse(null);
      if (node == null) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(node);
  }

  public static Optional<Node> get(Node mapping, String key) {
    return Optional.ofNullable(lookup(mapping, key, 0));
  }

  private static Node lookup(Node node, String key, int depth) {
    if (!(node instanceof MappingNode mapping) || depth > MAX_MERGE_DEPTH) {
      return null;
    }
    Node found = null;
    for (NodeTuple tuple : mapping.getValue()) {
      if (key.equals(scalar(tuple.getKeyNode())) && !isMergeKey(tuple.getKeyNode())) {
        found = tuple.getValueNode();
      }
    }
    if (found != null) {
      return found;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (isMergeKey(tuple.getKeyNode())) {
        for (Node source : mergeSources(tuple.getValueNode())) {
          Node merged = lookup(source, key, depth + 1);
          if (merged != null) {
            return merged;
          }
        }
      }
    }
    return null;
  }

  private static List<Node> mergeSources(Node value) {
    return value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
  }

  public static boolean isMergeKey(Node key) {
    return key instanceof ScalarNode scalar
        && scalar.getScalarStyle() == ScalarStyle.PLAIN
        && MERGE_KEY.equals(scalar.getValue());
  }

  public static boolean hasMergeKey(MappingNode mapping) {
    return mapping.getValue().stream().anyMatch(tuple -> isMergeKey(tuple.getKeyNode()));
  }

  /** The raw text of a scalar, or null for a collection, a missing node or a null scalar. */
  public static String scalar(Node node) {
    if (node instanceof ScalarNode scalar && !isNull(node)) {
      return scalar.getValue();
    }
    return null;
  }

  public static String stringAt(Node root, String... path) {
    return at(root, path).map(YamlNodes::scalar).orElse(null);
  }

  public static boolean isNull(Node node) {
    return YamlStream.isNullScalar(node);
  }

  /** A mapping of strings (labels, annotations, selectors); non-scalar values are skipped. */
  public static Map<String, String> stringMap(Node node) {
    Map<String, String> result = new LinkedHashMap<>();
    collect(node, result, 0);
    return result;
  }

  private static void collect(Node node, Map<String, String> into, int depth) {
    if (!(node instanceof MappingNode mapping) || depth > MAX_MERGE_DEPTH) {
      return;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (isMergeKey(tuple.getKeyNode())) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Node source : mergeSources(tuple.getValueNode())) {
          Map<String, String> fromSource = new LinkedHashMap<>();
          collect(source, fromSource, depth + 1);
          fromSource.forEach(merged::putIfAbsent);
        }
        merged.forEach(into::putIfAbsent);
      }
    }
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode());
      if (key != null && !isMergeKey(tuple.getKeyNode()) && tuple.getValueNode() instanceof ScalarNode) {
        String value = scalar(tuple.getValueNode());
        into.put(key, value == null ? "" : value);
      }
    }
  }

  /** Elements of a sequence, or nothing when the node is not a sequence. */
  public static List<Node> items(Node node) {
    return node instanceof SequenceNode sequence ? sequence.getValue() : List.of();
  }
}
