package io.migrationhooks.render;

/** One transformation. Rules only record edits and notes in the context; the renderer applies them. */
public interface Rule {
  void apply(RenderContext context);
}
