package io.migrationhooks.check;

import java.util.List;

/** One hazard check over the whole stream. Ids are stable and kebab-case: users silence them by id. */
public interface CheckRule {
  String id();

  /** One line for --list-rules and the README. */
  String summary();

  List<Finding> check(CheckContext context);
}
