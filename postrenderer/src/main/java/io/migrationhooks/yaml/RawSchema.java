package io.migrationhooks.yaml;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Resolves no scalar types: every scalar stays its raw text. Only composing is done, never
 * constructing, and type resolution was most of the parse time.
 */
final class RawSchema implements Schema {
  private static final ScalarResolver EVERYTHING_IS_TEXT = (value, implicit) -> Tag.STR;

  @Override
  public ScalarResolver getScalarResolver() {
    return EVERYTHING_IS_TEXT;
  }

  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return Map.of();
  }
}
