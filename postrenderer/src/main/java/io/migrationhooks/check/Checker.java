package io.migrationhooks.check;

import io.migrationhooks.model.MigrationHooksAnnotations;
import io.migrationhooks.model.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Runs the rules and applies the migration-hooks.io/ignore annotations. */
public final class Checker {
  private final List<CheckRule> rules;

  public Checker(List<CheckRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static Checker withAllRules() {
    return new Checker(CheckRules.all());
  }

  public CheckResult check(CheckContext context) {
    List<Finding> all = new ArrayList<>();
    for (CheckRule rule : rules) {
      all.addAll(rule.check(context));
    }
    // Document order, then rule order: the output follows the stream.
    List<String> ruleOrder = rules.stream().map(CheckRule::id).toList();
    all.sort(Comparator.comparingInt((Finding finding) -> finding.resource().document().index())
        .thenComparingInt(finding -> ruleOrder.indexOf(finding.ruleId())));
    List<Finding> findings = new ArrayList<>();
    List<Finding> silenced = new ArrayList<>();
    for (Finding finding : all) {
      (ignored(finding.resource()).contains(finding.ruleId()) ? silenced : findings).add(finding);
    }
    return new CheckResult(findings, silenced, warnings(context.resources(), ruleOrder), context.resources().size(), rules.size());
  }

  static Set<String> ignored(Resource resource) {
    return MigrationHooksAnnotations.ignoredRules(resource);
  }

  /** A misspelt id silences nothing; say so rather than let the user believe it works. */
  private static List<String> warnings(List<Resource> resources, List<String> ruleIds) {
    List<String> warnings = new ArrayList<>();
    for (Resource resource : resources) {
      for (String id : ignored(resource)) {
        if (!ruleIds.contains(id)) {
          warnings.add(resource.id() + ": " + MigrationHooksAnnotations.IGNORE + " names unknown rule '" + id
              + "' (see check --list-rules)");
        }
      }
    }
    return warnings;
  }
}
