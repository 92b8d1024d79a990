package io.migrationhooks.model;

/** Annotations Argo CD reads (gitops-engine pkg/sync/common). */
public final class ArgoCdAnnotations {
  public static final String HOOK = "argocd.argoproj.io/hook";
  public static final String HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";
  public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";
  /** Comma-separated options; spaces around each are trimmed. */
  public static final String SYNC_OPTIONS = "argocd.argoproj.io/sync-options";

  public static final String PRE_SYNC = "PreSync";
  public static final String SYNC = "Sync";
  public static final String POST_SYNC = "PostSync";
  public static final String BEFORE_HOOK_CREATION = "BeforeHookCreation";
  /** Keep the resource when it leaves the rendered output, and when the Application is deleted. */
  public static final String PRUNE_FALSE = "Prune=false";
  public static final String DELETE_FALSE = "Delete=false";

  private ArgoCdAnnotations() {}
}
