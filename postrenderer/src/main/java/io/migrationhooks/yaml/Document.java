package io.migrationhooks.yaml;

import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One document of a stream: its raw text (separator and comments included, so concatenating all
 * documents gives back the input) and its node tree with positions into that text. The raw text
 * is a range of the stream's text, copied out only when asked for: a document that is passed
 * through unchanged is never copied.
 */
public final class Document {
  private final int index;
  private final int startLine;
  private final String stream;
  private final int start;
  private final int end;
  private final Limits limits;
  private final boolean empty;
  private final boolean mapping;
  private String rawText;
  private Node root;
  private int[] charOffsetOfCodePoint;

  /**
   * @param rawText {@code stream.substring(start, end)}, as it was parsed: kept with the tree
   * @param limits what parsing the raw text again, after {@link #releaseTree()}, is bounded by
   */
  Document(int index, int startLine, String stream, int start, int end, String rawText, Node root, Limits limits) {
    this.index = index;
    this.startLine = startLine;
    this.stream = stream;
    this.start = start;
    this.end = end;
    this.limits = limits;
    this.rawText = rawText;
    this.root = root;
    this.empty = root == null;
    this.mapping = root instanceof MappingNode;
  }

  /** 1-based position in the stream. */
  public int index() {
    return index;
  }

  /** 1-based line of the stream on which this document's raw text begins. */
  public int startLine() {
    return startLine;
  }

  public String rawText() {
    if (rawText == null) {
      rawText = stream.substring(start, end);
    }
    return rawText;
  }

  /** Writes the raw text (without copying it out of the stream's text). */
  public void writeRawTextTo(Writer out) throws IOException {
    out.write(stream, start, end - start);
  }

  public int rawLength() {
    return end - start;
  }

  /**
   * The root node, or null for an empty or comment-only document. After {@link #releaseTree()},
   * each call parses the raw text again into a new tree that this document does not keep.
   */
  public Node root() {
    return root != null || empty ? root : YamlStream.compose(limits, rawText(), index, startLine);
  }

  /**
   * Stops keeping the node tree and the copy of the raw text. A tree costs ~25 bytes of heap per
   * byte of text, so a large stream fits in memory only if each tree lives no longer than its user
   * needs it; the raw text is copied out of the stream's text again when asked for.
   */
  public void releaseTree() {
    root = null;
    rawText = null;
  }

  public boolean isEmpty() {
    return empty;
  }

  /** Whether the root is a mapping (known without parsing again). */
  public boolean isMapping() {
    return mapping;
  }

  /** "document 7, line 12, column 3" for a position inside this document (line of the stream). */
  public String describe(Node node) {
    return node.getStartMark().map(this::describe).orElse(describe());
  }

  public String describe(Mark mark) {
    return "document " + index + ", line " + (startLine + mark.getLine()) + ", column " + (mark.getColumn() + 1);
  }

  public String describe() {
    return "document " + index + ", line " + startLine;
  }

  /** The line break this document uses, so inserted lines match it. */
  public String lineBreak() {
    int newline = stream.indexOf('\n', start);
    return newline > start && newline < end && stream.charAt(newline - 1) == '\r' ? "\r\n" : "\n";
  }

  public int startOffset(Node node) {
    return charOffset(node.getStartMark());
  }

  public int endOffset(Node node) {
    return charOffset(node.getEndMark());
  }

  private int charOffset(Optional<Mark> mark) {
    int codePoint = mark.orElseThrow(() -> new IllegalStateException("node without position")).getIndex();
    return charOffset(codePoint);
  }

  // snakeyaml counts positions in code points; Java strings index UTF-16 chars.
  private int charOffset(int codePointIndex) {
    if (charOffsetOfCodePoint == null) {
      String rawText = rawText();
      int codePoints = rawText.codePointCount(0, rawText.length());
      if (codePoints == rawText.length()) {
        return codePointIndex;
      }
      charOffsetOfCodePoint = new int[codePoints + 1];
      int charIndex = 0;
      for (int i = 0; i < codePoints; i++) {
        charOffsetOfCodePoint[i] = charIndex;
        charIndex += Character.charCount(rawText.codePointAt(charIndex));
      }
      charOffsetOfCodePoint[codePoints] = rawText.length();
    }
    return charOffsetOfCodePoint[codePointIndex];
  }
}
