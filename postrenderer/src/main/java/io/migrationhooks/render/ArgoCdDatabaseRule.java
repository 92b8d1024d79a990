package io.migrationhooks.render;

import static io.migrationhooks.model.ArgoCdAnnotations.DELETE_FALSE;
import static io.migrationhooks.model.ArgoCdAnnotations.PRUNE_FALSE;
import static io.migrationhooks.model.ArgoCdAnnotations.SYNC_OPTIONS;

import io.migrationhooks.model.Reference;
import io.migrationhooks.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD: the database and what it and the migration Job need stay ordinary managed resources,
 * ordered by sync wave per tier (Argo CD waits for each wave to be healthy) and never pruned or
 * deleted by Argo CD. Hooks would be wrong here: Argo CD gives a hook without a policy it knows
 * BeforeHookCreation, deleting and recreating the database on every sync.
 * A PersistentVolumeClaim goes into the wave of the pods that mount it: with a WaitForFirstConsumer
 * storage class it stays Pending, which Argo CD counts as Progressing, until such a pod exists.
 */
public final class ArgoCdDatabaseRule implements Rule {
  @Override
  public void apply(RenderContext context) {
    Selection selection = context.selection();
    if (!selection.hasMigrationJob()) {
      for (Resource database : selection.databaseWorkloads()) {
        context.note(database, "no migration Job in the stream; database left as an ordinary resource");
      }
      return;
    }
    selection.closure().forEach((resource, tier) -> {
      if (tier == Tier.MIGRATION_JOB || ArgoCdEdits.leaveArgoCdHook(context, resource, null, "database resource")) {
        return;
      }
      ArgoCdEdits.removeHelmHookAnnotations(context, resource);
      ArgoCdEdits.setWave(context, resource, context.settings().wave(waveTier(resource, tier, selection)));
      String options = resource.annotation(SYNC_OPTIONS);
      String protectedOptions = protect(options);
      if (!protectedOptions.equals(options)) {
        context.edit(resource).set(ArgoCdEdits.annotation(SYNC_OPTIONS), protectedOptions);
      }
    });
  }

  private static Tier waveTier(Resource resource, Tier tier, Selection selection) {
    if (!resource.isKind(Reference.PERSISTENT_VOLUME_CLAIM)) {
      return tier;
    }
    Reference claim = new Reference(Reference.PERSISTENT_VOLUME_CLAIM, resource.name());
    boolean mountedByDatabase = selection.databaseWorkloads().stream().anyMatch(database -> database.sameNamespace(resource)
        && database.podTemplateReferences().contains(claim));
    return mountedByDatabase ? Tier.DATABASE_WORKLOAD : Tier.MIGRATION_JOB;
  }

  /** The options with Prune=false and Delete=false; unchanged when they already say so. */
  static String protect(String options) {
    List<String> kept = new ArrayList<>();
    boolean prune = false;
    boolean delete = false;
    boolean other = false;
    for (String option : options == null ? new String[0] : options.split(",")) {
      String trimmed = option.strip();
      if (trimmed.equals(PRUNE_FALSE) && !prune) {
        prune = true;
      } else if (trimmed.equals(DELETE_FALSE) && !delete) {
        delete = true;
      } else if (trimmed.startsWith("Prune=") || trimmed.startsWith("Delete=")) {
        other = true;
      } else if (!trimmed.isEmpty()) {
        kept.add(trimmed);
      }
    }
    if (prune && delete && !other) {
      return options;
    }
    kept.add(PRUNE_FALSE);
    kept.add(DELETE_FALSE);
    return String.join(",", kept);
  }
}
