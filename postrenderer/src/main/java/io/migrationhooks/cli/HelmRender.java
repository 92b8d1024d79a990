package io.migrationhooks.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * {@code migration-hooks render}, exactly as Helm's plugin runs it on every install and upgrade,
 * without picocli: building picocli's command model by reflection costs more start-up time than
 * rendering a small chart (see the README's Performance section). Any other command line, even
 * {@code render} with one option, goes through picocli. Both paths behave the same (HelmRenderTest).
 */
final class HelmRender {
  private static final String COMMAND = "migration-hooks render";

  private HelmRender() {}

  static boolean handles(String[] args) {
    return args.length == 1 && args[0].equals("render");
  }

  static int run(InputStream stdin, PrintWriter out, PrintWriter err) {
    try {
      return new RenderCommand(stdin).render(out, err);
    } catch (Exception e) {
      return ErrorHandlers.report(e, err, COMMAND, false);
    }
  }
}
