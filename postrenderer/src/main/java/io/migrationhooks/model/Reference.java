package io.migrationhooks.model;

/** A named object a pod template needs to start, e.g. {@code Secret "db-credentials"}. */
public record Reference(String kind, String name) {
  public static final String SECRET = "Secret";
  public static final String CONFIG_MAP = "ConfigMap";
  public static final String PERSISTENT_VOLUME_CLAIM = "PersistentVolumeClaim";
  public static final String SERVICE_ACCOUNT = "ServiceAccount";

  // Written out: a record's generated equals and hashCode are linked at first use through method
  // handles, which costs every short run milliseconds on Java 17.
  @Override
  public boolean equals(Object other) {
    return other instanceof Reference reference && kind.equals(reference.kind) && name.equals(reference.name);
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + name.hashCode();
  }

  @Override
  public String toString() {
    return kind + "/" + name;
  }
}
