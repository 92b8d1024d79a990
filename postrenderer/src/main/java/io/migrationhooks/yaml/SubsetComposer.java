package io.migrationhooks.yaml;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Composes the subset of YAML that rendered charts are written in straight from the text, into the
 * tree snakeyaml composes (same nodes, values, styles and positions), several times faster than
 * snakeyaml's general scanner. The subset: a block mapping at the root; block mappings and
 * sequences; plain and quoted scalars on one line; literal and folded block scalars; flow
 * collections of such scalars on one line; comments. Anything else (anchors, tags, multi-line
 * plain or quoted scalars, tabs, CR, characters outside the BMP, and every error) is refused with
 * {@code null}, and the caller composes with snakeyaml, which then decides. Refusing is always
 * safe; accepting must give exactly snakeyaml's tree, which {@code SubsetComposerTest} checks on
 * every corpus, randomized and mutated document.
 */
final class SubsetComposer {
  private static final int MAX_DEPTH = 64;
  private static final int MAX_SIMPLE_KEY_LENGTH = 1000;
  /** Characters that cannot begin a plain scalar here (some could, in ways not worth supporting). */
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
  private static final String FLOW_INDICATORS = ",[]{}";

  private final String text;
  private final int length;
  private int pos;
  private int lineStart;
  private int depth;

  private SubsetComposer(String text) {
    this.text = text;
    this.length = text.length();
  }

  /** The root of {@code raw} (one document), or null when it is not in the subset. */
  static Node compose(String raw) {
    if (!onlySimpleCharacters(raw)) {
      return null;
    }
    try {
      return new SubsetComposer(raw).document();
    } catch (Refused refused) {
      return null;
    }
  }

  /** Signals a construct outside the subset; thrown without a stack trace, caught in compose. */
  private static final class Refused extends RuntimeException {
    private static final Refused INSTANCE = new Refused();

    private Refused() {
      super(null, null, false, false);
    }
  }

  private static Refused refused() {
    return Refused.INSTANCE;
  }

  // Printable BMP characters only, so that char offsets are snakeyaml's code-point offsets.
  private static boolean onlySimpleCharacters(String raw) {
    for (int i = 0, n = raw.length(); i < n; i++) {
      char c = raw.charAt(i);
      if (c < 0x20 ? c != '\n' : c >= 0x7F && (c < 0xA0 || c >= 0xD800 && c < 0xE000 || c >= 0xFEFF || c == 0x2028 || c == 0x2029)) {
        return false;
      }
    }
    return true;
  }

  private Node document() {
    skipToContent();
    if (pos < length && column() == 0 && text.startsWith("---", pos) && isBlankOrEnd(pos + 3)) {
      pos += 3;
      endOfLine();
      skipToContent();
    }
    if (pos >= length || text.charAt(pos) == '%' || text.startsWith("---", pos) || text.startsWith("...", pos)) {
      throw refused();
    }
    Node root = blockMapping(column());
    if (pos < length) {
      throw refused();
    }
    return root;
  }

  private MappingNode blockMapping(int indent) {
    enter();
    int start = pos;
    List<NodeTuple> tuples = new ArrayList<>();
    while (true) {
      ScalarNode key = key();
      Node value = mappingValue(indent);
      tuples.add(new NodeTuple(key, value));
      if (pos >= length || column() < indent) {
        break;
      }
      if (column() > indent || isEntryIndicator(pos)) {
        throw refused();
      }
    }
    depth--;
    return TextNodes.mapping(text, start, pos, tuples, FlowStyle.BLOCK);
  }

  /** A key on one line followed by ": " (or ":" at the end of the line); leaves pos after the colon. */
  private ScalarNode key() {
    int start = pos;
    ScalarNode key;
    char c = text.charAt(pos);
    if (c == '"' || c == '\'') {
      key = c == '"' ? doubleQuoted() : singleQuoted();
      skipSpaces();
    } else {
      if (INDICATORS.indexOf(c) >= 0) {
        throw refused();
      }
      int end = pos;
      int i = pos;
      while (true) {
        if (i >= length || text.charAt(i) == '\n' || text.charAt(i) == '#' && text.charAt(i - 1) == ' ') {
          throw refused();
        }
        if (text.charAt(i) == ':' && isBlankOrEnd(i + 1)) {
          break;
        }
        if (text.charAt(i) != ' ') {
          end = i + 1;
        }
        i++;
      }
      key = TextNodes.scalar(text, start, end, text.substring(start, end), ScalarStyle.PLAIN);
      pos = i;
    }
    if (pos - start > MAX_SIMPLE_KEY_LENGTH || pos >= length || text.charAt(pos) != ':' || !isBlankOrEnd(pos + 1)) {
      throw refused();
    }
    pos++;
    return key;
  }

  private Node mappingValue(int indent) {
    int afterIndicator = pos;
    skipSpaces();
    if (pos < length && text.charAt(pos) != '\n' && text.charAt(pos) != '#') {
      return inlineValue(indent);
    }
    skipToContent();
    if (pos < length) {
      int column = column();
      if (column > indent) {
        return isEntryIndicator(pos) ? blockSequence(column) : blockMapping(column);
      }
      if (column == indent && isEntryIndicator(pos)) {
        return blockSequence(column);
      }
    }
    return emptyScalar(afterIndicator);
  }

  /** A block sequence whose "-" entries stand at {@code indent}; also serves indentless ones. */
  private SequenceNode blockSequence(int indent) {
    enter();
    int start = pos;
    List<Node> items = new ArrayList<>();
    while (true) {
      pos++;
      int afterIndicator = pos;
      skipSpaces();
      if (pos >= length || text.charAt(pos) == '\n' || text.charAt(pos) == '#') {
        skipToContent();
        int column = pos < length ? column() : -1;
        if (column > indent) {
          items.add(isEntryIndicator(pos) ? blockSequence(column) : blockMapping(column));
        } else {
          items.add(emptyScalar(afterIndicator));
        }
      } else if (isEntryIndicator(pos)) {
        throw refused();
      } else if (keyAhead()) {
        items.add(blockMapping(column()));
      } else {
        items.add(inlineValue(indent));
      }
      // at the entries' indent, anything but "-" ends it (an indentless sequence's parent goes on)
      if (pos >= length || column() < indent || column() == indent && !isEntryIndicator(pos)) {
        break;
      }
      if (column() > indent) {
        throw refused();
      }
    }
    depth--;
    return TextNodes.sequence(text, start, pos, items, FlowStyle.BLOCK);
  }

  /** A node that starts on the current line after a key or an entry indicator. */
  private Node inlineValue(int parentIndent) {
    char c = text.charAt(pos);
    Node value;
    if (c == '|' || c == '>') {
      return blockScalar(parentIndent);
    } else if (c == '"') {
      value = doubleQuoted();
    } else if (c == '\'') {
      value = singleQuoted();
    } else if (c == '{' || c == '[') {
      value = flowCollection();
    } else {
      value = plainScalar(false);
    }
    endOfLine();
    toNextNodeAtMost(parentIndent);
    return value;
  }

  /** Moves to the next token; one deeper than the enclosing collection would continue the value just read or be an error: snakeyaml decides. */
  private void toNextNodeAtMost(int parentIndent) {
    skipToContent();
    if (pos < length && column() > parentIndent) {
      throw refused();
    }
  }

  /** A plain scalar on one line; in a flow collection it also ends at ",[]{}" and ":". */
  private ScalarNode plainScalar(boolean inFlow) {
    char c = text.charAt(pos);
    if (INDICATORS.indexOf(c) >= 0
        && (c != '-' || isBlankOrEnd(pos + 1) || inFlow && FLOW_INDICATORS.indexOf(text.charAt(pos + 1)) >= 0)) {
      throw refused();
    }
    int start = pos;
    int end = pos;
    while (pos < length) {
      char ch = text.charAt(pos);
      if (inFlow && (FLOW_INDICATORS.indexOf(ch) >= 0 || ch == ':')) {
        break;
      }
      if (ch == '\n' || ch == '#' && text.charAt(pos - 1) == ' ') {
        if (inFlow) {
          throw refused();
        }
        break;
      }
      if (inFlow ? ch == '?' : ch == ':' && isBlankOrEnd(pos + 1)) {
        throw refused();
      }
      pos++;
      if (ch != ' ') {
        end = pos;
      }
    }
    pos = end;
    return TextNodes.scalar(text, start, end, text.substring(start, end), ScalarStyle.PLAIN);
  }

  private ScalarNode doubleQuoted() {
    int start = pos;
    StringBuilder value = null;
    int from = ++pos;
    while (true) {
      if (pos >= length) {
        throw refused();
      }
      char c = text.charAt(pos);
      if (c == '"') {
        break;
      } else if (c == '\n') {
        throw refused();
      } else if (c == '\\') {
        if (value == null) {
          value = new StringBuilder();
        }
        value.append(text, from, pos);
        pos = escape(value, pos + 1);
        from = pos;
      } else {
        pos++;
      }
    }
    String content = value == null ? text.substring(from, pos) : value.append(text, from, pos).toString();
    pos++;
    return TextNodes.scalar(text, start, pos, content, ScalarStyle.DOUBLE_QUOTED);
  }

  /** Appends the escape at {@code at} (just past the backslash); returns the offset after it. */
  private int escape(StringBuilder into, int at) {
    if (at >= length) {
      throw refused();
    }
    char c = text.charAt(at);
    switch (c) {
      case 'n' -> into.append('\n');
      case 't' -> into.append('\t');
      case 'r' -> into.append('\r');
      case '0' -> into.append('\0');
      case '"', '\\', '/' -> into.append(c);
      case 'x', 'u' -> {
        int digits = c == 'x' ? 2 : 4;
        if (at + 1 + digits > length) {
          throw refused();
        }
        int code = 0;
        for (int i = at + 1; i <= at + digits; i++) {
          int digit = Character.digit(text.charAt(i), 16);
          if (digit < 0) {
            throw refused();
          }
          code = code * 16 + digit;
        }
        if (code >= 0xD800 && code < 0xE000) {
          throw refused();
        }
        into.append((char) code);
        return at + 1 + digits;
      }
      default -> throw refused();
    }
    return at + 1;
  }

  private ScalarNode singleQuoted() {
    int start = pos;
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= length || text.charAt(pos) == '\n') {
        throw refused();
      }
      char c = text.charAt(pos);
      if (c == '\'') {
        if (pos + 1 < length && text.charAt(pos + 1) == '\'') {
          value.append('\'');
          pos += 2;
          continue;
        }
        break;
      }
      value.append(c);
      pos++;
    }
    pos++;
    return TextNodes.scalar(text, start, pos, value.toString(), ScalarStyle.SINGLE_QUOTED);
  }

  /** A flow mapping or sequence of scalars and flow collections, all on this line. */
  private Node flowCollection() {
    enter();
    boolean mapping = text.charAt(pos) == '{';
    char close = mapping ? '}' : ']';
    int start = pos;
    pos++;
    List<NodeTuple> tuples = mapping ? new ArrayList<>() : null;
    List<Node> items = mapping ? null : new ArrayList<>();
    skipSpaces();
    boolean first = true;
    while (pos < length && text.charAt(pos) != close) {
      if (!first) {
        if (text.charAt(pos) != ',') {
          throw refused();
        }
        pos++;
        skipSpaces();
        if (pos < length && text.charAt(pos) == close) {
          throw refused();
        }
      }
      first = false;
      Node node = flowNode();
      skipSpaces();
      if (pos < length && text.charAt(pos) == ':') {
        if (!mapping || !isBlankOrEnd(pos + 1) || !(node instanceof ScalarNode)) {
          throw refused();
        }
        pos++;
        skipSpaces();
        tuples.add(new NodeTuple(node, flowNode()));
        skipSpaces();
      } else if (mapping) {
        throw refused();
      } else {
        items.add(node);
      }
    }
    if (pos >= length) {
      throw refused();
    }
    pos++;
    depth--;
    return mapping
        ? TextNodes.mapping(text, start, pos, tuples, FlowStyle.FLOW)
        : TextNodes.sequence(text, start, pos, items, FlowStyle.FLOW);
  }

  private Node flowNode() {
    if (pos >= length) {
      throw refused();
    }
    char c = text.charAt(pos);
    if (c == '"') {
      return doubleQuoted();
    } else if (c == '\'') {
      return singleQuoted();
    } else if (c == '{' || c == '[') {
      return flowCollection();
    }
    return plainScalar(true);
  }

  /** snakeyaml's block scalar algorithm (ScannerImpl.scanBlockScalar), for auto-detected indentation. */
  private ScalarNode blockScalar(int parentIndent) {
    boolean folded = text.charAt(pos) == '>';
    int start = pos;
    pos++;
    int chomping = 0; // -1 strip, 0 clip, +1 keep
    if (pos < length && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
      chomping = text.charAt(pos) == '-' ? -1 : 1;
      pos++;
    }
    if (pos < length && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      throw refused();
    }
    endOfLine();
    int minIndent = Math.max(parentIndent + 1, 1);
    // leading line breaks and the deepest indentation among the leading lines
    StringBuilder breaks = new StringBuilder();
    int maxIndent = 0;
    int end = pos;
    while (pos < length && (text.charAt(pos) == ' ' || text.charAt(pos) == '\n')) {
      if (text.charAt(pos) == '\n') {
        breaks.append('\n');
        advanceLine();
        end = pos;
      } else {
        pos++;
        maxIndent = Math.max(maxIndent, column());
      }
    }
    int indent = Math.max(minIndent, maxIndent);
    StringBuilder value = new StringBuilder();
    String lineBreak = "";
    while (column() == indent && pos < length) {
      value.append(breaks);
      boolean leadingNonSpace = text.charAt(pos) != ' ';
      int contentStart = pos;
      while (pos < length && text.charAt(pos) != '\n') {
        pos++;
      }
      value.append(text, contentStart, pos);
      lineBreak = "";
      if (pos < length) {
        advanceLine();
        lineBreak = "\n";
      }
      breaks.setLength(0);
      end = pos;
      while (column() < indent && pos < length && text.charAt(pos) == ' ') {
        pos++;
      }
      while (pos < length && text.charAt(pos) == '\n') {
        breaks.append('\n');
        advanceLine();
        end = pos;
        while (column() < indent && pos < length && text.charAt(pos) == ' ') {
          pos++;
        }
      }
      if (column() == indent && pos < length) {
        if (folded && lineBreak.equals("\n") && leadingNonSpace && text.charAt(pos) != ' ') {
          if (breaks.isEmpty()) {
            value.append(' ');
          }
        } else {
          value.append(lineBreak);
        }
      } else {
        break;
      }
    }
    if (chomping >= 0) {
      value.append(lineBreak);
    }
    if (chomping > 0) {
      value.append(breaks);
    }
    ScalarNode scalar = TextNodes.scalar(text, start, end, value.toString(), folded ? ScalarStyle.FOLDED : ScalarStyle.LITERAL);
    toNextNodeAtMost(parentIndent);
    return scalar;
  }

  /** Whether the current line, from pos, holds a mapping key ("key: ..." or "key:"). */
  private boolean keyAhead() {
    char c = text.charAt(pos);
    int i = pos;
    if (c == '"' || c == '\'') {
      i++;
      while (i < length && text.charAt(i) != '\n') {
        if (text.charAt(i) == '\\' && c == '"') {
          i += 2;
          continue;
        }
        if (text.charAt(i) == c) {
          if (c == '\'' && i + 1 < length && text.charAt(i + 1) == '\'') {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      i++;
      while (i < length && text.charAt(i) == ' ') {
        i++;
      }
      return i < length && text.charAt(i) == ':' && isBlankOrEnd(i + 1);
    }
    if (c == '{' || c == '[' || c == '|' || c == '>') {
      return false;
    }
    for (; i < length && text.charAt(i) != '\n'; i++) {
      if (text.charAt(i) == '#' && i > pos && text.charAt(i - 1) == ' ') {
        return false;
      }
      if (text.charAt(i) == ':' && isBlankOrEnd(i + 1)) {
        return true;
      }
    }
    return false;
  }

  private ScalarNode emptyScalar(int at) {
    return TextNodes.scalar(text, at, at, "", ScalarStyle.PLAIN);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw refused();
    }
  }

  /** After a node: only blanks or a comment may follow on its line. */
  private void endOfLine() {
    skipSpaces();
    if (pos < length && text.charAt(pos) == '#') {
      if (text.charAt(pos - 1) != ' ') {
        throw refused();
      }
      skipComment();
    }
    if (pos < length) {
      if (text.charAt(pos) != '\n') {
        throw refused();
      }
      advanceLine();
    }
  }

  /** Skips blanks, comments and line breaks up to the next token, or the end. */
  private void skipToContent() {
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == ' ') {
        pos++;
      } else if (c == '\n') {
        advanceLine();
      } else if (c == '#' && (pos == lineStart || text.charAt(pos - 1) == ' ')) {
        skipComment();
      } else {
        return;
      }
    }
  }

  private void skipComment() {
    while (pos < length && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void skipSpaces() {
    while (pos < length && text.charAt(pos) == ' ') {
      pos++;
    }
  }

  private void advanceLine() {
    pos++;
    lineStart = pos;
  }

  private boolean isEntryIndicator(int at) {
    return text.charAt(at) == '-' && isBlankOrEnd(at + 1);
  }

  private boolean isBlankOrEnd(int at) {
    return at >= length || text.charAt(at) == ' ' || text.charAt(at) == '\n';
  }

  private int column() {
    return pos - lineStart;
  }


}
