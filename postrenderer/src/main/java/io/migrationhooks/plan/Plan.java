package io.migrationhooks.plan;

import io.migrationhooks.model.Rollout;
import java.util.List;

/**
 * What a deploy of the stream will do, in order. {@code otherHooks} never run on install or upgrade
 * (test, delete and rollback hooks); {@code droppedHooks} name an event Helm does not know, so Helm
 * silently leaves them out of the release.
 */
public record Plan(String target, List<Phase> phases, List<Step> otherHooks, List<Step> droppedHooks,
    List<Rollout> rollouts, List<ExternalReference> externalReferences) {
  public Plan {
    phases = List.copyOf(phases);
    otherHooks = List.copyOf(otherHooks);
    droppedHooks = List.copyOf(droppedHooks);
    rollouts = List.copyOf(rollouts);
    externalReferences = List.copyOf(externalReferences);
  }
}
