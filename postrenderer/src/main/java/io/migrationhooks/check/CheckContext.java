package io.migrationhooks.check;

import io.migrationhooks.model.Resource;
import io.migrationhooks.plan.HelmHook;
import io.migrationhooks.render.Selection;
import io.migrationhooks.render.Settings;
import java.util.List;
import java.util.Optional;

/**
 * What rules read: the stream's resources, the selection (migration Jobs, databases), the settings,
 * and the previous release's manifest (empty without --previous).
 */
public record CheckContext(List<Resource> resources, Selection selection, Settings settings,
    Optional<List<Resource>> previous) {
  public CheckContext {
    resources = List.copyOf(resources);
    previous = previous.map(List::copyOf);
  }

  public static CheckContext of(List<Resource> resources, Settings settings, Optional<List<Resource>> previous) {
    return new CheckContext(resources, Selection.of(resources, settings), settings, previous);
  }

  public List<Resource> deployments() {
    return resources.stream().filter(resource -> resource.isKind("Deployment")).toList();
  }

  /** Hooks as Helm reads them, in document order. */
  public List<HelmHook> hooks() {
    return resources.stream().map(HelmHook::of).flatMap(Optional::stream).toList();
  }
}
