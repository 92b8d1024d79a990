package io.migrationhooks.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Collects the values a document should hold at paths of mapping keys and turns them into text
 * edits of the document's raw text. Values already present stay byte-for-byte; new keys of one
 * mapping are inserted together, in the order they were set, before the mapping's first key.
 * Values are strings, integers, or mappings of them (merged key by key into what exists). A key
 * can also be removed: its entry goes with its line(s) and trailing comment, everything else stays.
 */
public final class DocumentEditor {
  private final Document document;
  private final String subject;
  private final Map<String, Object> desired = new LinkedHashMap<>();
  /** Marks a key to remove in {@link #desired}. */
  private static final Object REMOVED = new Object();

  /** @param subject names the document in error messages, e.g. "Job/shop/migrate" */
  public DocumentEditor(Document document, String subject) {
    if (!document.isMapping()) {
      throw new IllegalArgumentException("only mapping documents can be edited");
    }
    this.document = document;
    this.subject = subject;
  }

  public Document document() {
    return document;
  }

  /** Sets the value at {@code path}, creating missing mappings on the way. */
  public DocumentEditor set(List<String> path, Object value) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty path");
    }
    Map<String, Object> target = desired;
    for (String key : path.subList(0, path.size() - 1)) {
      target = childMap(target, key);
    }
    String last = path.get(path.size() - 1);
    if (value instanceof Map<?, ?> mapping) {
      Map<String, Object> into = childMap(target, last);
      for (Map.Entry<?, ?> entry : mapping.entrySet()) {
        set(append(path, (String) entry.getKey()), entry.getValue());
      }
      if (mapping.isEmpty()) {
        target.put(last, into);
      }
    } else if (value instanceof String || value instanceof Integer || value instanceof Long) {
      target.put(last, value);
    } else {
      throw new IllegalArgumentException("unsupported value " + value);
    }
    return this;
  }

  /** Removes the key at {@code path} if it is there; a missing key or mapping on the way is no edit. */
  public DocumentEditor remove(List<String> path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty path");
    }
    Map<String, Object> target = desired;
    for (String key : path.subList(0, path.size() - 1)) {
      target = childMap(target, key);
    }
    target.put(path.get(path.size() - 1), REMOVED);
    return this;
  }

  private static List<String> append(List<String> path, String key) {
    List<String> longer = new ArrayList<>(path);
    longer.add(key);
    return longer;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> childMap(Map<String, Object> parent, String key) {
    Object existing = parent.get(key);
    if (existing instanceof Map<?, ?>) {
      return (Map<String, Object>) existing;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }

  /** The edits needed; empty when the document already holds every value. */
  public List<TextEdit> edits() {
    List<TextEdit> edits = new ArrayList<>();
    resolve((MappingNode) document.root(), null, desired, "", edits);
    return edits;
  }

  /** The edited raw text, checked by parsing it again and reading every value back. */
  public String apply() {
    List<TextEdit> edits = edits();
    if (edits.isEmpty()) {
      return document.rawText();
    }
    String edited = TextEdit.apply(document.rawText(), edits);
    verify(edited);
    return edited;
  }

  private void verify(String edited) {
    List<Document> reparsed;
    try {
      reparsed = YamlStream.parse(edited, Limits.DEFAULT.withMaxDocumentBytes(Integer.MAX_VALUE));
    } catch (BadInputException e) {
      throw new IllegalStateException(subject + ": edited document does not parse: " + e.getMessage(), e);
    }
    if (reparsed.size() != 1 || !(reparsed.get(0).root() instanceof MappingNode)) {
      throw new IllegalStateException(subject + ": edited document is no longer one mapping");
    }
    verifyValues(reparsed.get(0).root(), desired, new ArrayList<>());
  }

  private void verifyValues(Node node, Map<String, Object> want, List<String> path) {
    for (Map.Entry<String, Object> entry : want.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      List<String> childPath = append(path, key);
      Node child = YamlNodes.get(node, key).orElse(null);
      if (value == REMOVED || value instanceof Map<?, ?> onlyRemovals && withoutRemovals(onlyRemovals) == null
          && !(child instanceof MappingNode)) {
        if (value == REMOVED && child != null) {
          throw new IllegalStateException(subject + ": removal of " + label(childPath) + " did not read back");
        }
        continue;
      }
      boolean ok = value instanceof Map<?, ?> nested
          ? child instanceof MappingNode
          : child instanceof ScalarNode scalar && holds(scalar, value);
      if (!ok) {
        throw new IllegalStateException(subject + ": edit of " + label(childPath) + " did not read back");
      }
      if (value instanceof Map<?, ?> nested) {
        verifyValues(child, asMap(nested), childPath);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private void resolve(MappingNode mapping, NodeTuple parent, Map<String, Object> want, String path, List<TextEdit> edits) {
    refuseShared(mapping, path);
    if (YamlNodes.hasMergeKey(mapping)) {
      throw bad(mapping, (path.isEmpty() ? "the document" : path) + " uses a merge key (<<), which cannot be edited safely");
    }
    Map<String, Object> missing = new LinkedHashMap<>();
    Set<Integer> removed = new TreeSet<>();
    for (Map.Entry<String, Object> entry : want.entrySet()) {
      String childPath = childLabel(path, entry.getKey());
      if (entry.getValue() == REMOVED) {
        removed.addAll(tupleIndexes(mapping, entry.getKey(), childPath));
        continue;
      }
      NodeTuple tuple = lastTuple(mapping, entry.getKey());
      Object value = entry.getValue() instanceof Map<?, ?> nested && !(tuple != null && tuple.getValueNode() instanceof MappingNode)
          ? withoutRemovals(nested)
          : entry.getValue();
      if (value == null) {
        continue;
      }
      if (tuple == null) {
        missing.put(entry.getKey(), value);
        continue;
      }
      Node current = tuple.getValueNode();
      if (value instanceof Map<?, ?> nested) {
        if (current instanceof MappingNode currentMapping) {
          resolve(currentMapping, tuple, asMap(nested), childPath, edits);
        } else if (Yaml11Scalars.isNull(current)) {
          refuseShared(current, childPath);
          edits.add(replaceValue(mapping, tuple, value));
        } else {
          throw bad(current, childPath + " is not a mapping");
        }
      } else if (!(current instanceof ScalarNode scalar && holds(scalar, value))) {
        refuseSharedTree(current, childPath);
        edits.add(replaceValue(mapping, tuple, value));
      }
    }
    if (!removed.isEmpty()) {
      removeEntries(mapping, parent, removed, missing, path, edits);
    } else if (!missing.isEmpty()) {
      edits.add(insertEntries(mapping, missing, path));
    }
  }

  /** A desired mapping without its removals; null when it held removals only (nothing to create). */
  private static Map<String, Object> withoutRemovals(Map<?, ?> mapping) {
    if (mapping.isEmpty()) {
      return asMap(mapping);
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : asMap(mapping).entrySet()) {
      Object value = entry.getValue();
      Object stripped = value instanceof Map<?, ?> nested ? withoutRemovals(nested) : value == REMOVED ? null : value;
      if (stripped != null) {
        kept.put(entry.getKey(), stripped);
      }
    }
    return kept.isEmpty() ? null : kept;
  }

  private static NodeTuple lastTuple(MappingNode mapping, String key) {
    NodeTuple found = null;
    for (NodeTuple tuple : mapping.getValue()) {
      if (key.equals(YamlNodes.scalar(tuple.getKeyNode())) && !YamlNodes.isMergeKey(tuple.getKeyNode())) {
        found = tuple;
      }
    }
    return found;
  }

  /** Whether a scalar already holds the wanted value with the wanted type. */
  static boolean holds(ScalarNode scalar, Object value) {
    boolean plain = scalar.getScalarStyle() == ScalarStyle.PLAIN;
    if (value instanceof String text) {
      return text.equals(scalar.getValue()) && (!plain || PlainScalars.readsAsString(text));
    }
    return plain && value.toString().equals(scalar.getValue());
  }

  private TextEdit replaceValue(MappingNode parent, NodeTuple tuple, Object value) {
    Node key = tuple.getKeyNode();
    Node current = tuple.getValueNode();
    int colon = colonAfter(key);
    // an empty value written as nothing at all; a tagged one (`!!null`) has text to replace
    boolean emptyValue = current instanceof ScalarNode scalar && scalar.getValue().isEmpty()
        && scalar.getScalarStyle() == ScalarStyle.PLAIN && scalar.isResolved();
    int end = emptyValue ? colon + 1 : contentEnd(current);
    if (parent.getFlowStyle() == FlowStyle.FLOW) {
      int start = emptyValue ? colon + 1 : document.startOffset(current);
      return new TextEdit(start, end, (emptyValue ? " " : "") + YamlEmitter.flow(value));
    }
    if (value instanceof Map<?, ?> mapping) {
      String lineBreak = document.lineBreak();
      int column = column(key) + 2;
      String lines = String.join(lineBreak, YamlEmitter.blockMappingLines(asMap(mapping), column));
      return new TextEdit(colon + 1, end, lineBreak + lines);
    }
    if (current instanceof ScalarNode && !emptyValue) {
      return new TextEdit(document.startOffset(current), end, YamlEmitter.blockScalar(value));
    }
    return new TextEdit(colon + 1, end, " " + YamlEmitter.blockScalar(value));
  }

  private TextEdit insertEntries(MappingNode mapping, Map<String, Object> entries, String path) {
    List<NodeTuple> tuples = mapping.getValue();
    if (mapping.getFlowStyle() == FlowStyle.FLOW) {
      if (tuples.isEmpty()) {
        int close = document.rawText().lastIndexOf('}', document.endOffset(mapping) - 1);
        return TextEdit.insert(close, YamlEmitter.flowEntries(entries));
      }
      int after = contentEnd(tuples.get(tuples.size() - 1).getValueNode());
      return TextEdit.insert(after, ", " + YamlEmitter.flowEntries(entries));
    }
    return TextEdit.insert(document.startOffset(tuples.get(0).getKeyNode()), insertedText(mapping, entries, path, true));
  }

  /** Block lines of new entries placed where the mapping's first key starts; {@code beforeKey}: a key follows. */
  private String insertedText(MappingNode mapping, Map<String, Object> entries, String path, boolean beforeKey) {
    Node firstKey = mapping.getValue().get(0).getKeyNode();
    if (precededByExplicitKeyIndicator(document.startOffset(firstKey))) {
      throw bad(firstKey, (path.isEmpty() ? "the document" : path) + " uses explicit keys (?), which cannot be edited safely");
    }
    int column = column(firstKey);
    String lineBreak = document.lineBreak();
    List<String> lines = YamlEmitter.blockMappingLines(entries, column);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      text.append(i == 0 ? lines.get(i).substring(column) : lines.get(i));
      if (beforeKey || i + 1 < lines.size()) {
        text.append(lineBreak);
      }
    }
    if (beforeKey) {
      text.append(" ".repeat(column));
    }
    return text.toString();
  }

  private boolean precededByExplicitKeyIndicator(int offset) {
    String text = document.rawText();
    int i = offset - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i--;
    }
    return i >= 0 && text.charAt(i) == '?';
  }

  private int colonAfter(Node key) {
    String text = document.rawText();
    int i = document.endOffset(key);
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != ':') {
      throw bad(key, "cannot find the ':' after a key");
    }
    return i;
  }

  private static int column(Node node) {
    return node.getStartMark().orElseThrow().getColumn();
  }

  /** Where a node's text ends: block collections end with their last descendant, not the block-end mark. */
  private int contentEnd(Node node) {
    if (node instanceof ScalarNode scalar) {
      int end = document.endOffset(node);
      if (scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED) {
        int start = document.startOffset(node);
        while (end > start && Character.isWhitespace(document.rawText().charAt(end - 1))) {
          end--;
        }
      }
      return end;
    }
    Node last = null;
    if (node instanceof MappingNode mapping && mapping.getFlowStyle() == FlowStyle.BLOCK && !mapping.getValue().isEmpty()) {
      last = mapping.getValue().get(mapping.getValue().size() - 1).getValueNode();
    } else if (node instanceof SequenceNode sequence && sequence.getFlowStyle() == FlowStyle.BLOCK
        && !sequence.getValue().isEmpty()) {
      last = sequence.getValue().get(sequence.getValue().size() - 1);
    }
    return last == null ? document.endOffset(node) : contentEnd(last);
  }

  private void refuseShared(Node node, String path) {
    if (node.getAnchor().isPresent()) {
      throw bad(node, (path.isEmpty() ? "the document" : path) + " is shared through a YAML anchor or alias and cannot be edited safely");
    }
  }

  private void refuseSharedTree(Node node, String path) {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Node> pending = new ArrayList<>(List.of(node));
    while (!pending.isEmpty()) {
      Node next = pending.remove(pending.size() - 1);
      if (!seen.add(next)) {
        continue;
      }
      refuseShared(next, path);
      if (next instanceof MappingNode mapping) {
        mapping.getValue().forEach(t -> {
          pending.add(t.getKeyNode());
          pending.add(t.getValueNode());
        });
      } else if (next instanceof SequenceNode sequence) {
        pending.addAll(sequence.getValue());
      }
    }
  }

  private BadInputException bad(Node node, String problem) {
    return new BadInputException(subject + " (" + document.describe(node) + "): " + problem);
  }

  private static String childLabel(String path, String key) {
    boolean plainName = key.matches("[A-Za-z0-9_-]+");
    if (path.isEmpty()) {
      return plainName ? key : "[" + key + "]";
    }
    return plainName ? path + "." + key : path + "[" + key + "]";
  }

  private static String label(List<String> path) {
    String label = "";
    for (String key : path) {
      label = childLabel(label, key);
    }
    return label;
  }

  private List<Integer> tupleIndexes(MappingNode mapping, String key, String path) {
    List<Integer> indexes = new ArrayList<>();
    List<NodeTuple> tuples = mapping.getValue();
    for (int i = 0; i < tuples.size(); i++) {
      Node keyNode = tuples.get(i).getKeyNode();
      if (key.equals(YamlNodes.scalar(keyNode)) && !YamlNodes.isMergeKey(keyNode)) {
        refuseSharedTree(keyNode, path);
        refuseSharedTree(tuples.get(i).getValueNode(), path);
        indexes.add(i);
      }
    }
    return indexes;
  }

  /**
   * Removes the entries at {@code removed} (ascending indexes), together with new entries to insert.
   * A run of removed entries followed by a kept one is cut up to that key, so the kept key takes the
   * removed one's place (and a "- " before it stays); a run at the end of a block mapping goes with
   * its whole lines. A mapping left without entries becomes {@code {}} (or holds just the new ones).
   */
  private void removeEntries(MappingNode mapping, NodeTuple parent, Set<Integer> removed, Map<String, Object> missing,
      String path, List<TextEdit> edits) {
    List<NodeTuple> tuples = mapping.getValue();
    boolean flow = mapping.getFlowStyle() == FlowStyle.FLOW;
    int firstKey = document.startOffset(tuples.get(0).getKeyNode());
    if (removed.size() == tuples.size()) {
      int end = contentEnd(tuples.get(tuples.size() - 1).getValueNode());
      if (!missing.isEmpty()) {
        String entries = flow ? YamlEmitter.flowEntries(missing) : insertedText(mapping, missing, path, false);
        edits.add(new TextEdit(firstKey, end, entries));
      } else if (flow) {
        edits.add(new TextEdit(firstKey, end, ""));
      } else if (parent == null) {
        throw bad(mapping, "removing every key of the document is not supported");
      } else {
        edits.add(new TextEdit(colonAfter(parent.getKeyNode()) + 1, end, " {}"));
      }
      return;
    }
    List<Integer> indexes = new ArrayList<>(removed);
    for (int run = 0; run < indexes.size(); ) {
      int first = indexes.get(run);
      int last = first;
      while (run + 1 < indexes.size() && indexes.get(run + 1) == last + 1) {
        last = indexes.get(++run);
      }
      run++;
      Node lastValue = tuples.get(last).getValueNode();
      if (last + 1 < tuples.size()) {
        edits.add(new TextEdit(document.startOffset(tuples.get(first).getKeyNode()),
            document.startOffset(tuples.get(last + 1).getKeyNode()), ""));
      } else if (flow) {
        edits.add(new TextEdit(contentEnd(tuples.get(first - 1).getValueNode()), contentEnd(lastValue), ""));
      } else {
        Node key = tuples.get(first).getKeyNode();
        int lineStart = document.startOffset(key) - column(key);
        if (lineStart < 0 || !document.rawText().substring(lineStart, document.startOffset(key)).isBlank()) {
          throw bad(key, childLabel(path, YamlNodes.scalar(key)) + " does not start its line and cannot be removed safely");
        }
        edits.add(new TextEdit(lineStart, YamlStream.endOfLine(document.rawText(), contentEnd(lastValue)), ""));
      }
    }
    if (!missing.isEmpty()) {
      edits.add(insertEntries(mapping, missing, path));
    }
  }
}
