package io.migrationhooks.render;

import io.migrationhooks.model.HelmAnnotations;
import io.migrationhooks.model.Resource;
import io.migrationhooks.model.StringPool;
import io.migrationhooks.yaml.BadInputException;
import io.migrationhooks.yaml.Document;
import io.migrationhooks.yaml.DocumentEditor;
import io.migrationhooks.yaml.InOrder;
import io.migrationhooks.yaml.Limits;
import io.migrationhooks.yaml.YamlStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a stream: parses it, selects, runs the rules and applies their edits. The whole output
 * is built in memory, so a failure leaves nothing half-written.
 */
public final class Renderer {
  private static final String WAYS_FORWARD = "use Helm 4 (it tags what it sends with "
      + HelmAnnotations.POSTRENDER_FILENAME + "), or declare the hooks in the chart and pass --helm3";

  /** @throws BadInputException when the input cannot be rendered safely (exit 1) */
  public RenderResult render(String input, Settings settings, RenderOptions options) {
    settings.validate();
    List<Resource> resources = new ArrayList<>();
    List<Document> documents = parseKeepingNoTrees(input, options.limits(), resources);
    boolean fromHelm4 = resources.stream().anyMatch(r -> r.hasAnnotation(HelmAnnotations.POSTRENDER_FILENAME));
    Selection selection = Selection.of(resources, settings);
    RenderContext context = new RenderContext(resources, selection, settings);
    selection.notes().forEach(context::note);

    if (options.mode() == Mode.HELM3) {
      requireHelm3Input(fromHelm4, selection);
    } else if (options.mode() == Mode.ARGOCD) {
      new ArgoCdMigrationJobRule().apply(context);
      new ArgoCdDatabaseRule().apply(context);
      new ArgoCdDeploymentWaveRule().apply(context);
    } else {
      new MigrationJobRule().apply(context);
      new DatabaseFirstRule().apply(context);
      new ReleaseDependencyGuard().check(context);
      if (options.mode() == Mode.AUTO && !fromHelm4 && !context.newHooks().isEmpty()) {
        throw new BadInputException(context.newHooks().get(0).id()
            + ": would become a Helm hook, but the input has no Helm 4 tags and Helm 3 ignores hooks added by a post-renderer; "
            + WAYS_FORWARD);
      }
    }
    new RolloutRule().apply(context);

    List<DocumentEditor> editors = new ArrayList<>(documents.size());
    int next = 0;
    for (Document document : documents) {
      editors.add(document.isEmpty() ? null : context.editors().get(resources.get(next++)));
    }
    List<String> edited = InOrder.map(editors, Renderer::applyAndRelease);
    return new RenderResult(documents, edited, context.notes());
  }

  /**
   * {@link Resource#fromDocuments} of {@link YamlStream#parse}, with the same errors in the same
   * order, but each tree is released once its resource's facts are read, so the stream's trees never
   * all live at once; the editors parse the documents they change again.
   */
  private static List<Document> parseKeepingNoTrees(String input, Limits limits, List<Resource> resources) {
    List<Document> documents = new ArrayList<>();
    StringPool strings = new StringPool();
    for (Read read : YamlStream.parse(input, limits, document -> readAndRelease(document, strings))) {
      documents.add(read.document());
      if (read.resource() != null) {
        resources.add(read.resource());
      }
    }
    if (resources.size() != documents.stream().filter(document -> !document.isEmpty()).count()) {
      Resource.fromDocuments(documents);
    }
    return documents;
  }

  private record Read(Document document, Resource resource) {}

  private static Read readAndRelease(Document document, StringPool strings) {
    if (!document.isMapping()) {
      return new Read(document, null);
    }
    Resource resource = Resource.of(document, strings);
    document.releaseTree();
    return new Read(document, resource);
  }

  /** The edited text (null without an editor); the document's own copy of its text goes. */
  private static String applyAndRelease(DocumentEditor editor) {
    if (editor == null) {
      return null;
    }
    String text = editor.apply();
    editor.document().releaseTree();
    return text;
  }

  private static void requireHelm3Input(boolean fromHelm4, Selection selection) {
    if (fromHelm4) {
      throw new BadInputException("--helm3 was given, but the input comes from Helm 4 (it carries "
          + HelmAnnotations.POSTRENDER_FILENAME + "); drop --helm3");
    }
    List<Resource> candidates = new ArrayList<>(selection.migrationJobs());
    candidates.addAll(selection.databaseWorkloads());
    for (Resource candidate : candidates) {
      if (!candidate.hasAnnotation(HelmAnnotations.HOOK)) {
        throw new BadInputException(candidate.id() + ": with --helm3 the chart must declare this as a hook itself"
            + " (Helm 3 ignores hooks added by a post-renderer, and never passes hooks to it)");
      }
    }
  }
}
