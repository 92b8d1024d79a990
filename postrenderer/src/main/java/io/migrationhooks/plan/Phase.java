package io.migrationhooks.plan;

import java.util.List;

/**
 * A stage of a deploy, run after the previous one finished. {@code id} is stable (used by the JSON
 * output); a target other than Helm (Argo CD: PreSync, sync waves, PostSync) defines its own phases.
 */
public record Phase(String id, String title, String description, List<Step> steps) {
  public Phase {
    steps = List.copyOf(steps);
  }
}
