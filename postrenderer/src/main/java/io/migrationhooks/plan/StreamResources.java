package io.migrationhooks.plan;

import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.BadInputException;
import io.migrationhooks.yaml.Limits;
import io.migrationhooks.yaml.YamlStream;
import java.util.List;

/** The Kubernetes objects of a stream, in document order; empty documents are skipped. */
public final class StreamResources {
  private StreamResources() {}

  /** @throws BadInputException when the stream does not parse or a document is not a mapping */
  public static List<Resource> parse(String text, Limits limits) {
    return Resource.fromDocuments(YamlStream.parse(text, limits));
  }
}
