package io.migrationhooks.check;

import io.migrationhooks.argocd.SyncPhase;
import io.migrationhooks.argocd.SyncTask;
import io.migrationhooks.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD runs PreSync hooks before anything of the Sync phase exists. A PreSync migration Job whose
 * database is applied in the Sync phase waits for a database that is never created on a first install:
 * the Job fails or hangs and the sync never reaches the Sync phase.
 */
public final class ArgoCdPreSyncMigrationRule implements CheckRule {
  @Override
  public String id() {
    return "argocd-presync-migration-deadlock";
  }

  @Override
  public String summary() {
    return "Argo CD: a PreSync migration Job whose database is applied in the Sync phase (first install never completes)";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Resource job : context.selection().migrationJobs()) {
      if (!SyncTask.of(job).phases().contains(SyncPhase.PRE_SYNC)) {
        continue;
      }
      List<Resource> databasesInSync = context.selection().databaseWorkloads().stream()
          .filter(database -> database.sameNamespace(job))
          .filter(database -> SyncTask.of(database).phases().contains(SyncPhase.SYNC))
          .toList();
      if (!databasesInSync.isEmpty()) {
        findings.add(new Finding(id(), job, "Argo CD runs this migration Job as a PreSync hook, before the Sync phase"
            + " creates " + databasesInSync.get(0).id() + ": on a first install there is no database, the Job never"
            + " succeeds and the sync never gets to create one",
            "make the Job a Sync hook in a wave after the database (migration-hooks render --target argocd does)"));
      }
    }
    return findings;
  }
}
