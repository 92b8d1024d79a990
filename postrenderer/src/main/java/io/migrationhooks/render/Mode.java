package io.migrationhooks.render;

/** What the consumer of the output does with hook annotations a post-renderer adds. */
public enum Mode {
  /** Helm 4 (recognised by its postrender-filename tags) runs all rules; untagged input may not get new hooks. */
  AUTO,
  /** Helm 3 ignores added hooks: only the rollout rule, and hook candidates in the stream are errors. */
  HELM3,
  /** The consumer reads hooks as Helm 4 does (e.g. helm template for golden files): all rules. */
  ASSUME_HOOKS_HONORED,
  /**
   * Argo CD (helm template, then its own sync): the database stays managed, ordered by sync waves and
   * protected from pruning; the migration Job is a Sync hook. No Helm hooks are added.
   */
  ARGOCD
}
