package io.migrationhooks.argocd;

import java.util.Optional;

/** Argo CD's sync phases in the order it runs them (SyncFail only runs when the sync fails). */
public enum SyncPhase {
  PRE_SYNC("PreSync"), SYNC("Sync"), POST_SYNC("PostSync"), SYNC_FAIL("SyncFail");

  private final String annotationValue;

  SyncPhase(String annotationValue) {
    this.annotationValue = annotationValue;
  }

  public String annotationValue() {
    return annotationValue;
  }

  static Optional<SyncPhase> ofArgoCdHook(String value) {
    for (SyncPhase phase : values()) {
      if (phase.annotationValue.equals(value)) {
        return Optional.of(phase);
      }
    }
    return Optional.empty();
  }
}
