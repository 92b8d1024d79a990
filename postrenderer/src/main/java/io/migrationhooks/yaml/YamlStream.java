package io.migrationhooks.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * Splits a multi-document YAML stream into documents as raw text and parses each into a node tree
 * with positions. Nothing is ever re-serialized: callers edit the raw text.
 */
public final class YamlStream {
  private static final Set<String> NULL_WORDS = Set.of("", "~", "null", "Null", "NULL");

  private YamlStream() {}

  /** Decodes input bytes, rejecting anything that is not UTF-8 text. */
  public static String decode(byte[] bytes, Limits limits) {
    if (bytes.length > limits.maxStreamBytes()) {
      throw new BadInputException("input is larger than " + limits.maxStreamBytes() + " bytes");
    }
    boolean ascii = true;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw notText(bytes, i);
      }
      ascii &= bytes[i] > 0;
    }
    if (ascii) {
      // every byte is valid UTF-8 as it stands: no decoder, no char[] twice the input's size
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw notText(bytes, in.position());
    }
    result = decoder.flush(out);
    if (result.isError()) {
      throw notText(bytes, in.position());
    }
    return out.flip().toString();
  }

  private static BadInputException notText(byte[] bytes, int position) {
    int line = 1;
    for (int i = 0; i < position; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return new BadInputException("input is not UTF-8 text (line " + line + ")");
  }

  /** Splits and parses the stream. Empty and comment-only documents have a null root. */
  public static List<Document> parse(String text, Limits limits) {
    return parse(text, limits, document -> document);
  }

  /**
   * Like {@link #parse(String, Limits)}, and gives each document to {@code read} right after it is
   * parsed (e.g. to read what is needed and {@link Document#releaseTree() release} its tree), so
   * that no more trees live at once than documents are being parsed. Long streams are parsed on
   * several threads: {@code read} may run for different documents at once. Returns what {@code read}
   * returned, in stream order; the first failing document's error (parse or read) is thrown.
   */
  public static <T> List<T> parse(String text, Limits limits, Function<Document, T> read) {
    if (text.length() > limits.maxStreamBytes()) {
      throw new BadInputException("input is larger than " + limits.maxStreamBytes() + " bytes");
    }
    return InOrder.map(split(text), new ParseChunk<>(text, limits, read));
  }

  /** Parses one chunk of the stream into a document and reads it (a class, not a lambda: see InOrder). */
  private record ParseChunk<T>(String text, Limits limits, Function<Document, T> read) implements Function<Chunk, T> {
    @Override
    public T apply(Chunk chunk) {
      String raw = text.substring(chunk.start, chunk.end);
      if (utf8Length(raw) > limits.maxDocumentBytes()) {
        throw new BadInputException("document " + chunk.index + ", line " + chunk.startLine
            + ": larger than " + limits.maxDocumentBytes() + " bytes (see --max-document-bytes)");
      }
      Node root = YamlStream.compose(limits, raw, chunk.index, chunk.startLine);
      return read.apply(new Document(chunk.index, chunk.startLine, text, chunk.start, chunk.end, raw, root, limits));
    }
  }

  static Node compose(Limits limits, String raw, int index, int startLine) {
    Node simple = SubsetComposer.compose(raw);
    if (simple != null) {
      return simple;
    }
    // Only documents outside the subset get here: snakeyaml's classes load only for them.
    LoadSettings settings = LoadSettings.builder()
        .setLabel("document")
        .setSchema(new RawSchema())
        .setUseMarks(true)
        .setParseComments(false)
        .setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(limits.maxAliasesForCollections())
        .setCodePointLimit(limits.maxDocumentBytes())
        .build();
    try {
      Parser parser = new NestingLimitedParser(new ParserImpl(settings, new StreamReader(settings, raw)), Limits.MAX_NESTING_DEPTH);
      Iterator<Node> nodes = new Composer(settings, parser);
      Node root = nodes.hasNext() ? nodes.next() : null;
      if (nodes.hasNext()) {
        throw new BadInputException("document " + index + ", line " + startLine + ": more than one document");
      }
      return isNullScalar(root) ? null : root;
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      String where = mark == null
          ? "document " + index + ", line " + startLine
          : "document " + index + ", line " + (startLine + mark.getLine()) + ", column " + (mark.getColumn() + 1);
      throw new BadInputException(where + ": " + ParserMessages.describe(e.getProblem(), e.getContext()));
    } catch (YamlEngineException e) {
      throw new BadInputException("document " + index + ", line " + startLine + ": "
          + ParserMessages.describe(e.getMessage(), null));
    } catch (NestingLimitedParser.TooDeep e) {
      String where = e.event().getStartMark()
          .map(mark -> "document " + index + ", line " + (startLine + mark.getLine()) + ", column " + (mark.getColumn() + 1))
          .orElse("document " + index + ", line " + startLine);
      throw new BadInputException(where + ": nesting too deep (more than " + Limits.MAX_NESTING_DEPTH + " levels)");
    }
  }

  static boolean isNullScalar(Node node) {
    return node instanceof ScalarNode scalar
        && scalar.getScalarStyle() == ScalarStyle.PLAIN
        && NULL_WORDS.contains(scalar.getValue())
        && node.getAnchor().isEmpty();
  }

  private static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** @param index 1-based position in the stream */
  record Chunk(int index, int start, int end, int startLine) {}

  /**
   * A line starting with "---" (then blank or end of line) begins a document, "..." ends one.
   * YAML forbids both markers at column 0 inside scalars, so splitting on lines is exact. Comments
   * before a document's "---" stay with it.
   */
  static List<Chunk> split(String text) {
    List<Chunk> chunks = new ArrayList<>();
    int chunkStart = 0;
    int chunkStartLine = 1;
    boolean hasContent = false;
    boolean hasStartMarker = false;
    int line = 1;
    int position = 0;
    while (position < text.length()) {
      int lineEnd = endOfLine(text, position);
      if (isMarker(text, position, lineEnd, "---")) {
        boolean contentAfterMarker = hasContentAfterMarker(text, position + 3, lineEnd);
        if (hasContent || hasStartMarker) {
          chunks.add(new Chunk(chunks.size() + 1, chunkStart, position, chunkStartLine));
          chunkStart = position;
          chunkStartLine = line;
        }
        hasStartMarker = true;
        hasContent = contentAfterMarker;
      } else if (isMarker(text, position, lineEnd, "...")) {
        chunks.add(new Chunk(chunks.size() + 1, chunkStart, lineEnd, chunkStartLine));
        chunkStart = lineEnd;
        chunkStartLine = line + 1;
        hasContent = false;
        hasStartMarker = false;
      } else if (!hasContent && isContent(text, position, lineEnd)) {
        hasContent = true;
      }
      position = lineEnd;
      line++;
    }
    if (chunkStart < text.length()) {
      chunks.add(new Chunk(chunks.size() + 1, chunkStart, text.length(), chunkStartLine));
    }
    return chunks;
  }

  /** Offset just past the line break of the line holding {@code start}. */
  static int endOfLine(String text, int start) {
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return text.length();
  }

  private static boolean isMarker(String text, int start, int lineEnd, String marker) {
    if (!text.startsWith(marker, start)) {
      return false;
    }
    int after = start + marker.length();
    if (after >= lineEnd) {
      return true;
    }
    char c = text.charAt(after);
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean hasContentAfterMarker(String text, int from, int lineEnd) {
    return isContent(text, from, lineEnd);
  }

  /** A line holding something other than blanks, a comment, a byte order mark or a directive. */
  private static boolean isContent(String text, int start, int lineEnd) {
    int i = start;
    while (i < lineEnd) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF') {
        i++;
      } else {
        return c != '#' && !(c == '%' && i == start);
      }
    }
    return false;
  }
}
