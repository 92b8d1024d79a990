package io.migrationhooks.plan;

import io.migrationhooks.model.Reference;
import io.migrationhooks.model.Resource;
import java.util.List;

/** An object pod templates need that is not in the stream, so it must already exist in the cluster. */
public record ExternalReference(Reference reference, String namespace, List<Resource> referencedBy) {
  public ExternalReference {
    referencedBy = List.copyOf(referencedBy);
  }

  /** {@code Secret/ns/name}, or {@code Secret/name} in the release namespace. */
  public String id() {
    return namespace == null ? reference.toString() : reference.kind() + "/" + namespace + "/" + reference.name();
  }
}
