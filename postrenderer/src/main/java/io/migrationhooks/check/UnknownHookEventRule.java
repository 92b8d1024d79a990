package io.migrationhooks.check;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.plan.HelmHook;
import java.util.List;
import java.util.TreeSet;

/** Helm skips a hook with any event it does not know: the resource is never applied, and nothing says so. */
public final class UnknownHookEventRule implements CheckRule {
  @Override
  public String id() {
    return "unknown-hook-event";
  }

  @Override
  public String summary() {
    return "a hook naming an event Helm does not know (Helm silently drops the whole resource)";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    return context.hooks().stream().filter(HelmHook::droppedByHelm)
        .map(hook -> new Finding(id(), hook.resource(),
            HelmAnnotations.HOOK + " names unknown event(s) '" + String.join(",", hook.unknownEvents())
                + "': Helm silently leaves this resource out of the release",
            "use only " + String.join(", ", new TreeSet<>(HelmHook.KNOWN_EVENTS))))
        .toList();
  }
}
