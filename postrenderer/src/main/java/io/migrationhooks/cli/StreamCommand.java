package io.migrationhooks.cli;

import io.migrationhooks.model.Resource;
import io.migrationhooks.plan.StreamResources;
import io.migrationhooks.yaml.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What plan and check share: the input stream (-f or stdin, size bounds) and --config. */
abstract class StreamCommand {
  final InputStream stdin;

  @Spec
  CommandSpec spec;

  @Mixin
  StreamInput input = new StreamInput();

  @Mixin
  ConfigOption config = new ConfigOption();

  StreamCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  List<Resource> parse(String text) {
    return StreamResources.parse(text, input.limits());
  }

  String readStream() throws IOException {
    return input.read(stdin);
  }

  /** Prints the whole result at once; a broken stdout is an error, not a silent success. */
  void print(String text) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    if (out.checkError()) {
      throw new IOException("cannot write the output");
    }
  }

  Limits limits() {
    return input.limits();
  }
}
