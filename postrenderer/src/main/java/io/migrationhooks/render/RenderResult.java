package io.migrationhooks.render;

import java.util.List;

/** The transformed stream and the notes for stderr (one line each, without prefix). */
public record RenderResult(String output, List<String> notes) {
  public RenderResult {
    notes = List.copyOf(notes);
  }
}
