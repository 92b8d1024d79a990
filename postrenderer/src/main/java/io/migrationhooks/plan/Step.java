package io.migrationhooks.plan;

import io.migrationhooks.model.Resource;

/**
 * One resource the deploy tool sends to the API server within a phase. {@code hook} is null for a
 * release resource; {@code role} is the migration role from the selection (null when none).
 */
public record Step(Resource resource, HelmHook hook, String role, boolean waits) {
  public boolean isHook() {
    return hook != null;
  }
}
