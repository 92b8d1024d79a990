package io.migrationhooks.cli;

import io.migrationhooks.config.ConfigReader;
import io.migrationhooks.model.MigrationHooksAnnotations;
import io.migrationhooks.render.Mode;
import io.migrationhooks.render.Note;
import io.migrationhooks.render.RenderOptions;
import io.migrationhooks.render.RenderResult;
import io.migrationhooks.render.Renderer;
import io.migrationhooks.render.Settings;
import io.migrationhooks.yaml.BadInputException;
import io.migrationhooks.yaml.Limits;
import io.migrationhooks.yaml.YamlStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Reads a multi-document YAML stream (stdin by default) and writes it to stdout with:",
        "  - the migration Job as a blocking pre-install,pre-upgrade hook,",
        "  - the database and what it and the Job need as earlier hooks (kept, never deleted by Helm),",
        "  - every other Deployment rolled out with RollingUpdate, maxUnavailable 0, maxSurge 1.",
        "Nothing else changes: untouched documents and fields are copied byte for byte.",
        "",
        "Input from Helm 4 (tagged with postrenderer.helm.sh/postrender-filename) gets all rules.",
        "Untagged input that would get new hooks is refused: Helm 3 ignores hooks added by a",
        "post-renderer. Use Helm 4, or declare the hooks in the chart and pass --helm3.",
        "Argo CD does NOT honour these hooks as Helm does (it would delete and recreate the",
        "database on every sync). For Argo CD use --target argocd: the database stays a managed",
        "resource ordered by sync waves and protected from pruning, the Job is a Sync hook after it,",
        "and Helm hook annotations on them are removed."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success", "1:bad input (nothing written to stdout)", "2:usage error", "3:internal error"})
public final class RenderCommand implements Callable<Integer> {
  private static final int LARGE_INPUT_CHARS = 4 * 1024 * 1024;
  private final InputStream stdin;

  @Spec
  CommandSpec spec;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the stream from FILE instead of stdin ('-' for stdin).")
  String file = "-";

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings: selectors, weights, rollout values.")
  Path config;

  @Option(names = "--target", paramLabel = "TARGET", converter = Target.Converter.class,
      description = "helm (default): Helm hooks; argocd: Argo CD sync waves and a Sync hook (input from helm template).")
  Target target = Target.HELM;

  @Option(names = "--helm3", description = "Helm 3: only the rollout rule; migration Jobs and databases must be hooks declared by the chart.")
  boolean helm3;

  @Option(names = "--assume-hooks-honored",
      description = "Untagged input whose consumer reads hook annotations as Helm 4 does (e.g. helm template for golden files). Not Argo CD.")
  boolean assumeHooksHonored;

  @Option(names = "--strict",
      description = "Fail (exit 1, nothing on stdout) on a hazard note: a warning whose [id] is a check rule's.")
  boolean strict;

  @Option(names = "--allow-release-dependency", paramLabel = "NAME",
      description = "A resource (name or Kind/name) a pre-install migration Job may need although it stays a release resource;"
          + " not pulled forward by name, no refusal for it. Repeatable; adds to allowReleaseDependencies in --config.")
  List<String> allowReleaseDependencies = new ArrayList<>();

  @Option(names = "--max-document-bytes", paramLabel = "BYTES",
      description = "Largest accepted document (default: ${DEFAULT-VALUE}).")
  int maxDocumentBytes = Limits.DEFAULT_MAX_DOCUMENT_BYTES;

  @Option(names = "--max-stream-bytes", paramLabel = "BYTES", description = "Largest accepted input (default: ${DEFAULT-VALUE}).")
  long maxStreamBytes = Limits.DEFAULT_MAX_STREAM_BYTES;

  public RenderCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    return render(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** The command without picocli: {@link HelmRender} calls it directly, with the default options. */
  int render(PrintWriter out, PrintWriter err) throws IOException {
    if (helm3 && assumeHooksHonored) {
      throw new UsageException("--helm3 and --assume-hooks-honored cannot be combined");
    }
    if (target == Target.ARGOCD && (helm3 || assumeHooksHonored)) {
      throw new UsageException("--target argocd cannot be combined with --helm3 or --assume-hooks-honored (they are about Helm)");
    }
    if (maxDocumentBytes <= 0 || maxStreamBytes <= 0) {
      throw new UsageException("--max-document-bytes and --max-stream-bytes must be positive");
    }
    Settings settings = config == null ? Settings.defaults() : new ConfigReader().read(readConfig(), config.toString());
    if (!allowReleaseDependencies.isEmpty()) {
      Set<String> allowed = new LinkedHashSet<>(settings.allowedReleaseDependencies);
      allowed.addAll(allowReleaseDependencies);
      settings.allowedReleaseDependencies = Set.copyOf(allowed);
    }
    Limits limits = Limits.DEFAULT.withMaxDocumentBytes(maxDocumentBytes).withMaxStreamBytes(maxStreamBytes);
    String input = YamlStream.decode(readInput(limits.maxStreamBytes()), limits);
    if (input.length() > LARGE_INPUT_CHARS) {
      // What reading left behind (the bytes and their chunks, twice the input) is garbage now;
      // Java 25's serial collector grows the heap past it instead of collecting it (20,000
      // documents: peak RSS 186 -> 144 MB). One full collection while little is live: milliseconds.
      System.gc();
    }
    Mode mode = target == Target.ARGOCD ? Mode.ARGOCD
        : helm3 ? Mode.HELM3 : assumeHooksHonored ? Mode.ASSUME_HOOKS_HONORED : Mode.AUTO;

    RenderResult result = new Renderer().render(input, settings, new RenderOptions(mode, limits));

    result.notes().forEach(note -> err.println(ErrorHandlers.PREFIX + note));
    if (strict && !result.hazards().isEmpty()) {
      throw strictRefusal(result.hazards());
    }
    result.writeTo(out);
    out.flush();
    if (out.checkError()) {
      throw new IOException("cannot write the output");
    }
    return ExitCodes.OK;
  }

  private static BadInputException strictRefusal(List<Note> hazards) {
    String each = hazards.stream().map(hazard -> hazard.hazard() + " on " + hazard.subject())
        .collect(Collectors.joining(", "));
    return new BadInputException("--strict: " + hazards.size() + " hazard note(s) (" + each + "); fix them, or accept"
        + " one on its resource with the annotation " + MigrationHooksAnnotations.IGNORE + ": RULE-ID");
  }

  private String readConfig() {
    try {
      return Files.readString(config, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read --config " + config + ": " + e.getClass().getSimpleName());
    }
  }

  private byte[] readInput(long maxBytes) throws IOException {
    if (file.equals("-")) {
      return InputBytes.readAll(stdin, maxBytes);
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new UsageException("no such file: " + file);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return InputBytes.readAll(in, maxBytes);
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot read " + file + ": permission denied");
    }
  }

}
