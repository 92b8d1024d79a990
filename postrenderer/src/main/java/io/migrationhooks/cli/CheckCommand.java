package io.migrationhooks.cli;

import io.migrationhooks.check.CheckContext;
import io.migrationhooks.check.CheckJsonWriter;
import io.migrationhooks.check.CheckResult;
import io.migrationhooks.check.CheckRule;
import io.migrationhooks.check.CheckRules;
import io.migrationhooks.check.Checker;
import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Fails when a stream holds a hazard of a Helm release.",
        "",
        "Hooks that delete data, migration Jobs that hang or vanish, hooks Helm drops,",
        "rollouts that lose ready pods or hang. One line per finding on stdout:",
        "  RULE-ID Kind/namespace/name: what is wrong \u2014 how to fix it",
        "The stream is checked as given, so check the post-rendered output:",
        "  helm template app ./chart --post-renderer migration-hooks \\",
        "    | migration-hooks check",
        "Silence rules on one resource with an annotation (--list-rules prints the ids):",
        "  migration-hooks.io/ignore: rule-a,rule-b",
        "SQL migrations are checked by `migrator lint` (docs/lint.md),",
        "in CI by ci/lint-migrations.sh on each change to them."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no findings", "1:bad input (nothing written to stdout)", "2:usage error", "3:internal error",
        "4:findings (one line each on stdout)"})
public final class CheckCommand extends StreamCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format { text, json }

  @Option(names = "--previous", paramLabel = "FILE",
      description = "The previous release's manifest (helm get manifest RELEASE): finds resources that become hooks.")
  String previous;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json (schemaVersion 1, see README).")
  Format output = Format.text;

  @Option(names = "--list-rules", description = "Print the rule ids with what each finds, and exit.")
  boolean listRules;

  @Option(names = "--target", paramLabel = "TARGET", converter = Target.Converter.class,
      description = "helm (default) or argocd: the hazards of a stream Argo CD syncs (helm template output).")
  Target target = Target.HELM;

  public CheckCommand(InputStream stdin) {
    super(stdin);
  }

  @Override
  public Integer call() throws IOException {
    List<CheckRule> rules = target == Target.ARGOCD ? CheckRules.argoCd() : CheckRules.all();
    if (target == Target.ARGOCD && previous != null) {
      throw new UsageException("--previous is about Helm releases; it cannot be combined with --target argocd");
    }
    if (listRules) {
      StringBuilder list = new StringBuilder();
      int width = rules.stream().mapToInt(rule -> rule.id().length()).max().orElse(0);
      for (CheckRule rule : rules) {
        list.append(rule.id()).append(" ".repeat(width - rule.id().length() + 2)).append(rule.summary()).append('\n');
      }
      print(list.toString());
      return ExitCodes.OK;
    }
    if ("-".equals(previous) && "-".equals(input.file)) {
      throw new UsageException("--previous - needs the stream from -f FILE: stdin can be read only once");
    }
    List<Resource> resources = parse(readStream());
    Optional<List<Resource>> previousRelease = Optional.empty();
    if (previous != null) {
      previousRelease = Optional.of(parsePrevious());
    }
    CheckResult result = new Checker(rules).check(CheckContext.of(resources, config.settings(), previousRelease));

    PrintWriter err = spec.commandLine().getErr();
    result.warnings().forEach(warning -> err.println(ErrorHandlers.PREFIX + warning));
    print(output == Format.json ? new CheckJsonWriter().write(result)
        : result.findings().stream().map(finding -> finding.line() + "\n").collect(Collectors.joining()));
    err.println(ErrorHandlers.PREFIX + summary(result));
    return result.findings().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private List<Resource> parsePrevious() throws IOException {
    String text = input.read(previous, stdin, "--previous");
    try {
      return parse(text);
    } catch (BadInputException e) {
      throw new BadInputException("--previous " + previous + ": " + e.getMessage());
    }
  }

  private static String summary(CheckResult result) {
    String silenced = result.silenced().isEmpty() ? "" : ", " + result.silenced().size() + " silenced";
    return result.findings().isEmpty()
        ? "check passed: no findings in " + result.resources() + " resources (" + result.rules() + " rules" + silenced + ")"
        : "check failed: " + result.findings().size() + " finding(s) in " + result.resources() + " resources" + silenced;
  }
}
