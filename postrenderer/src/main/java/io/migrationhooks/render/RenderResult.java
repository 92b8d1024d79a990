package io.migrationhooks.render;

import io.migrationhooks.yaml.Document;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The transformed stream and the notes for stderr (one line each, without prefix). The stream is
 * kept as its documents, each either passed through (written straight from the input text) or
 * edited, so that a large stream is never copied into one more string before it is written.
 */
public final class RenderResult {
  private final List<Document> documents;
  private final List<String> edited;
  private final List<Note> notes;

  /** @param edited per document, its edited text, or null where it passes through unchanged */
  RenderResult(List<Document> documents, List<String> edited, List<Note> notes) {
    if (documents.size() != edited.size()) {
      throw new IllegalArgumentException("one entry per document");
    }
    this.documents = documents;
    this.edited = edited;
    this.notes = List.copyOf(notes);
  }

  public void writeTo(Writer out) throws IOException {
    for (int i = 0; i < documents.size(); i++) {
      if (edited.get(i) == null) {
        documents.get(i).writeRawTextTo(out);
      } else {
        out.write(edited.get(i));
      }
    }
  }

  /** The whole output as one string. */
  public String output() {
    int length = 0;
    for (int i = 0; i < documents.size(); i++) {
      length += edited.get(i) == null ? documents.get(i).rawLength() : edited.get(i).length();
    }
    StringWriter out = new StringWriter(length);
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Each note's {@link Note#line()}, in the order the rules made them. */
  public List<String> notes() {
    return notes.stream().map(Note::line).toList();
  }

  /** The notes with their hazard ids. */
  public List<Note> noteList() {
    return notes;
  }

  /** The hazard notes: what {@code --strict} refuses. */
  public List<Note> hazards() {
    return notes.stream().filter(Note::isHazard).toList();
  }
}
