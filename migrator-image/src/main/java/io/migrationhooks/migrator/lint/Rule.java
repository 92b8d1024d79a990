package io.migrationhooks.migrator.lint;

import java.util.List;

/** One check on one statement. Rules are stateless; what came before is in the {@link Schema}. */
public interface Rule {
    /** The id users write in {@code -- migration-hooks: allow <id> <reason>}. */
    String id();

    Category category();

    List<Violation> check(ParsedStatement statement, Schema schema);
}
