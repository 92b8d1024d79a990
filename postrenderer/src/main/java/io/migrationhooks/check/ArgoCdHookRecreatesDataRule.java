package io.migrationhooks.check;

import io.migrationhooks.argocd.SyncTask;
import io.migrationhooks.model.ArgoCdAnnotations;
import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD reads a Helm hook as its own hook and, when no delete policy it knows is given, applies
 * BeforeHookCreation: a PVC, Secret, StatefulSet or database hook is deleted and recreated on every sync.
 */
public final class ArgoCdHookRecreatesDataRule implements CheckRule {
  @Override
  public String id() {
    return "argocd-hook-recreates-data";
  }

  @Override
  public String summary() {
    return "Argo CD: a Helm hook on a PersistentVolumeClaim, Secret, StatefulSet or database workload that Argo CD"
        + " deletes and recreates on every sync (BeforeHookCreation, its default for a policy it does not know)";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Resource resource : context.resources()) {
      boolean database = context.selection().databaseWorkloads().contains(resource);
      String loss = HookDeletesDataRule.LOSS.get(database ? "StatefulSet" : resource.kind());
      if (loss == null || !resource.isKind(resource.kind()) || !resource.hasAnnotation(HelmAnnotations.HOOK)
          || resource.hasAnnotation(ArgoCdAnnotations.HOOK)) {
        continue;
      }
      SyncTask task = SyncTask.of(resource);
      if (!task.hook() || task.neverApplied() || !task.recreatedEverySync()) {
        continue;
      }
      String policy = resource.annotation(HelmAnnotations.HOOK_DELETE_POLICY);
      String why = task.deletePolicyImplied()
          ? (policy == null ? "no " + HelmAnnotations.HOOK_DELETE_POLICY : HelmAnnotations.HOOK_DELETE_POLICY + ": " + policy
              + " is not one Argo CD knows") + ", so Argo CD applies its default BeforeHookCreation"
          : HelmAnnotations.HOOK_DELETE_POLICY + ": " + policy + " is BeforeHookCreation to Argo CD";
      findings.add(new Finding(id(), resource, "Argo CD runs this Helm hook as a " + task.phases().get(0).annotationValue()
          + " hook and deletes and recreates it on every sync (" + why + "), so " + loss,
          "render it with migration-hooks render --target argocd (the database stays a managed resource with"
              + " Prune=false,Delete=false)"));
    }
    return findings;
  }
}
