package io.migrationhooks.render;

import io.migrationhooks.yaml.Limits;

public record RenderOptions(Mode mode, Limits limits) {
  public static final RenderOptions DEFAULT = new RenderOptions(Mode.AUTO, Limits.DEFAULT);

  public static RenderOptions of(Mode mode) {
    return new RenderOptions(mode, Limits.DEFAULT);
  }
}
