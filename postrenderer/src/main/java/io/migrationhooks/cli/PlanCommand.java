package io.migrationhooks.cli;

import io.migrationhooks.model.Resource;
import io.migrationhooks.plan.ArgoCdPlanTableWriter;
import io.migrationhooks.plan.ArgoCdPlanner;
import io.migrationhooks.plan.HelmPlanner;
import io.migrationhooks.plan.Plan;
import io.migrationhooks.plan.PlanJsonWriter;
import io.migrationhooks.plan.PlanMermaidWriter;
import io.migrationhooks.plan.PlanTableWriter;
import io.migrationhooks.plan.Planner;
import io.migrationhooks.render.Mode;
import io.migrationhooks.render.RenderOptions;
import io.migrationhooks.render.Renderer;
import io.migrationhooks.render.Selection;
import io.migrationhooks.render.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Shows, in order, what Helm will do with a stream.",
        "",
        "The pre-install/pre-upgrade hooks with their weights, whether Helm waits on each",
        "and which are deleted and recreated on every release; the release resources in",
        "Helm's kind order; the post hooks; each Deployment's rollout (replicas, surge,",
        "unavailable, the fewest ready pods); objects that must already exist.",
        "",
        "Input is render's input, before or after rendering: render's rules are applied",
        "first (no Helm 4 tags needed; rendered input stays as it is) unless --as-is."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:bad input (nothing written to stdout)", "2:usage error", "3:internal error"})
public final class PlanCommand extends StreamCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format { table, json, mermaid }

  @Option(names = "--helm3", description = "Render as render --helm3 does (rollout rule only; hooks declared by the chart).")
  boolean helm3;

  @Option(names = "--as-is", description = "Plan the stream exactly as given, without applying render's rules first.")
  boolean asIs;

  @Option(names = "--target", paramLabel = "TARGET", converter = Target.Converter.class,
      description = "helm (default) or argocd: Argo CD's PreSync hooks, Sync waves and PostSync hooks,"
          + " rendering as render --target argocd does.")
  Target target = Target.HELM;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
      description = "table (default), json (schemaVersion 1, see README) or mermaid (sequenceDiagram).")
  Format output = Format.table;

  public PlanCommand(InputStream stdin) {
    super(stdin);
  }

  @Override
  public Integer call() throws IOException {
    if (helm3 && asIs) {
      throw new UsageException("--helm3 and --as-is cannot be combined (--helm3 chooses how to render)");
    }
    if (target == Target.ARGOCD && helm3) {
      throw new UsageException("--helm3 and --target argocd cannot be combined");
    }
    Settings settings = config.settings();
    String stream = readStream();
    if (!asIs) {
      Mode mode = target == Target.ARGOCD ? Mode.ARGOCD : helm3 ? Mode.HELM3 : Mode.ASSUME_HOOKS_HONORED;
      stream = new Renderer().render(stream, settings, new RenderOptions(mode, limits())).output();
    }
    List<Resource> resources = parse(stream);
    Planner planner = target == Target.ARGOCD ? new ArgoCdPlanner() : new HelmPlanner();
    Plan plan = planner.plan(resources, Selection.of(resources, settings));

    String text = switch (output) {
      case table -> target == Target.ARGOCD ? new ArgoCdPlanTableWriter().write(plan) : new PlanTableWriter().write(plan);
      case json -> new PlanJsonWriter().write(plan);
      case mermaid -> new PlanMermaidWriter().write(plan);
    };
    print(text);
    return ExitCodes.OK;
  }
}
