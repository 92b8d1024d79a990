package io.migrationhooks.render;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.MigrationHooksAnnotations;
import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.DocumentEditor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What rules read (resources, selection, settings) and write (edits, notes, new hooks). */
public final class RenderContext {
  private final List<Resource> resources;
  private final Selection selection;
  private final Settings settings;
  private final Map<Resource, DocumentEditor> editors = new LinkedHashMap<>();
  private final List<Note> notes = new ArrayList<>();
  private final List<Resource> newHooks = new ArrayList<>();
  private final Set<Resource> declaredHooksNoted = new HashSet<>();

  public RenderContext(List<Resource> resources, Selection selection, Settings settings) {
    this.resources = resources;
    this.selection = selection;
    this.settings = settings;
  }

  public List<Resource> resources() {
    return resources;
  }

  public Selection selection() {
    return selection;
  }

  public Settings settings() {
    return settings;
  }

  public DocumentEditor edit(Resource resource) {
    return editors.computeIfAbsent(resource, r -> new DocumentEditor(r.document(), r.id()));
  }

  public Map<Resource, DocumentEditor> editors() {
    return editors;
  }

  /** Turns a resource into a hook with these annotations (in this order). */
  public void makeHook(Resource resource, Map<String, String> annotations) {
    DocumentEditor editor = edit(resource);
    annotations.forEach((key, value) -> editor.set(List.of("metadata", "annotations", key), value));
    newHooks.add(resource);
  }

  /** Resources the hook rules turned into hooks, in the order they did. */
  public List<Resource> newHooks() {
    return newHooks;
  }

  /** True, after noting it once, when the chart already declares the resource as a hook. */
  public boolean leaveDeclaredHook(Resource resource) {
    String hook = resource.annotation(HelmAnnotations.HOOK);
    if (hook == null) {
      return false;
    }
    if (declaredHooksNoted.add(resource)) {
      note(resource, "already a Helm hook (" + HelmAnnotations.HOOK + ": " + hook + "); left as written");
    }
    return true;
  }

  public void note(Resource resource, String text) {
    notes.add(Note.info(resource.id(), text));
  }

  /**
   * A note about a hazard that the check rule {@code ruleId} also finds in the output. The
   * resource's migration-hooks.io/ignore annotation silences it there, so here it is a plain note.
   */
  public void hazard(String ruleId, Resource resource, String text) {
    boolean ignored = MigrationHooksAnnotations.ignoredRules(resource).contains(ruleId);
    notes.add(ignored ? Note.info(resource.id(), text + " (" + ruleId + " ignored by "
        + MigrationHooksAnnotations.IGNORE + ")") : Note.hazard(ruleId, resource.id(), text));
  }

  /** A note that already names what it is about. */
  public void note(String text) {
    notes.add(Note.info(null, text));
  }

  public List<Note> notes() {
    return notes;
  }
}
