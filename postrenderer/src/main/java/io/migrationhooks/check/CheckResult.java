package io.migrationhooks.check;

import java.util.List;

/** Findings to report, findings silenced by annotation, and warnings about the annotations themselves. */
public record CheckResult(List<Finding> findings, List<Finding> silenced, List<String> warnings, int resources, int rules) {
  public CheckResult {
    findings = List.copyOf(findings);
    silenced = List.copyOf(silenced);
    warnings = List.copyOf(warnings);
  }
}
