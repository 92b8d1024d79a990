package io.migrationhooks.check;

import io.migrationhooks.model.Resource;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Checks one field of every migration Job; the small rules below differ only in field and wording. */
abstract class MigrationJobField implements CheckRule {
  private final String id;
  private final String summary;
  private final Predicate<Resource> hazard;
  private final Function<Resource, String> problem;
  private final String fix;

  MigrationJobField(String id, String summary, Predicate<Resource> hazard, Function<Resource, String> problem, String fix) {
    this.id = id;
    this.summary = summary;
    this.hazard = hazard;
    this.problem = problem;
    this.fix = fix;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public List<Finding> check(CheckContext context) {
    return context.selection().migrationJobs().stream().filter(hazard)
        .map(job -> new Finding(id, job, problem.apply(job), fix)).toList();
  }
}
