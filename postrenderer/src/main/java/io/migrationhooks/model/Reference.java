package io.migrationhooks.model;

/** A named object a pod template needs to start, e.g. {@code Secret "db-credentials"}. */
public record Reference(String kind, String name) {
  public static final String SECRET = "Secret";
  public static final String CONFIG_MAP = "ConfigMap";
  public static final String PERSISTENT_VOLUME_CLAIM = "PersistentVolumeClaim";
  public static final String SERVICE_ACCOUNT = "ServiceAccount";

  @Override
  public String toString() {
    return kind + "/" + name;
  }
}
