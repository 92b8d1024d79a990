package io.migrationhooks.yaml;

import java.util.ArrayList;
import java.util.List;

/** Replace the characters [start, end) of a document's raw text with {@code replacement}. */
public record TextEdit(int start, int end, String replacement) {
  public TextEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad edit range " + start + ".." + end);
    }
  }

  public static TextEdit insert(int offset, String text) {
    return new TextEdit(offset, offset, text);
  }

  private static int byPosition(TextEdit a, TextEdit b) {
    return a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end());
  }

  /** Applies non-overlapping edits; two insertions at the same offset keep their given order. */
  public static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(TextEdit::byPosition);
    StringBuilder out = new StringBuilder(text.length() + 256);
    int position = 0;
    for (TextEdit edit : sorted) {
      if (edit.start() < position || edit.end() > text.length()) {
        throw new IllegalStateException("overlapping or out-of-range edits at offset " + edit.start());
      }
      out.append(text, position, edit.start()).append(edit.replacement());
      position = edit.end();
    }
    return out.append(text, position, text.length()).toString();
  }
}
