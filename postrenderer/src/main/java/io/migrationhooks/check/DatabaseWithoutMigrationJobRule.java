package io.migrationhooks.check;

import java.util.List;

/** Without a migration Job render leaves the database alone: it is created alongside the backend. */
public final class DatabaseWithoutMigrationJobRule implements CheckRule {
  @Override
  public String id() {
    return "database-without-migration-job";
  }

  @Override
  public String summary() {
    return "a database workload in a stream without a migration Job";
  }

  @Override
  public List<Finding> check(CheckContext context) {
    if (context.selection().hasMigrationJob()) {
      return List.of();
    }
    return context.selection().databaseWorkloads().stream()
        .map(database -> new Finding(id(), database,
            "database workload but no migration Job in the stream: nothing migrates the schema before the backend"
                + " rolls out, and render leaves the database an ordinary release resource",
            "add the migration Job (label app.kubernetes.io/component: migration or annotation"
                + " migration-hooks.io/role: migration), or fix selectors.migration in --config"))
        .toList();
  }
}
