package io.migrationhooks.model;

/** Annotations Helm reads or writes. */
public final class HelmAnnotations {
  public static final String HOOK = "helm.sh/hook";
  public static final String HOOK_WEIGHT = "helm.sh/hook-weight";
  public static final String HOOK_DELETE_POLICY = "helm.sh/hook-delete-policy";
  public static final String HOOK_OUTPUT_LOG_POLICY = "helm.sh/hook-output-log-policy";
  public static final String RESOURCE_POLICY = "helm.sh/resource-policy";
  /** Helm 4 tags every document it passes to a post-renderer with this one; it must stay untouched. */
  public static final String POSTRENDER_FILENAME = "postrenderer.helm.sh/postrender-filename";

  public static final String PRE_INSTALL_PRE_UPGRADE = "pre-install,pre-upgrade";
  public static final String BEFORE_HOOK_CREATION = "before-hook-creation";
  public static final String HOOK_FAILED = "hook-failed";
  public static final String KEEP = "keep";

  public static final String PRE_INSTALL = "pre-install";
  public static final String PRE_UPGRADE = "pre-upgrade";
  public static final String POST_INSTALL = "post-install";
  public static final String POST_UPGRADE = "post-upgrade";

  /** The events of a {@code helm.sh/hook} value as Helm reads them: split on commas, trimmed, lower-cased. */
  public static java.util.List<String> hookEvents(String hook) {
    java.util.List<String> events = new java.util.ArrayList<>();
    if (hook != null) {
      for (String event : hook.split(",")) {
        String trimmed = event.strip().toLowerCase(java.util.Locale.ROOT);
        if (!trimmed.isEmpty()) {
          events.add(trimmed);
        }
      }
    }
    return events;
  }

  private HelmAnnotations() {}
}
