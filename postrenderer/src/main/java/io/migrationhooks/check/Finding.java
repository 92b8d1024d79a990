package io.migrationhooks.check;

import io.migrationhooks.model.Resource;

/** One hazard: the rule, the resource, what is wrong and how to fix it (one line each, no input data). */
public record Finding(String ruleId, Resource resource, String problem, String fix) {
  /** {@code RULE-ID Kind/ns/name: what is wrong — how to fix}. */
  public String line() {
    return ruleId + " " + resource.id() + ": " + problem + " \u2014 " + fix;
  }
}
