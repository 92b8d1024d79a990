package io.migrationhooks.cli;

import io.migrationhooks.yaml.Limits;
import io.migrationhooks.yaml.YamlStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The input options of the analysis commands: {@code -f FILE} or stdin, and the size bounds. */
final class StreamInput {
  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the stream from FILE instead of stdin ('-' for stdin).")
  String file = "-";

  @Option(names = "--max-document-bytes", paramLabel = "BYTES", description = "Largest accepted document (default: ${DEFAULT-VALUE}).")
  int maxDocumentBytes = Limits.DEFAULT_MAX_DOCUMENT_BYTES;

  @Option(names = "--max-stream-bytes", paramLabel = "BYTES", description = "Largest accepted input (default: ${DEFAULT-VALUE}).")
  long maxStreamBytes = Limits.DEFAULT_MAX_STREAM_BYTES;

  Limits limits() {
    if (maxDocumentBytes <= 0 || maxStreamBytes <= 0) {
      throw new UsageException("--max-document-bytes and --max-stream-bytes must be positive");
    }
    return Limits.DEFAULT.withMaxDocumentBytes(maxDocumentBytes).withMaxStreamBytes(maxStreamBytes);
  }

  /** The stream named by {@code -f} (or stdin) as text. */
  String read(InputStream stdin) throws IOException {
    return read(file, stdin, "-f");
  }

  /** A stream from a file named by an option; '-' reads stdin. */
  String read(String path, InputStream stdin, String option) throws IOException {
    Limits limits = limits();
    if (path.equals("-")) {
      return YamlStream.decode(InputBytes.readAll(stdin, limits.maxStreamBytes()), limits);
    }
    Path file = Path.of(path);
    if (!Files.isRegularFile(file)) {
      throw new UsageException(option + ": no such file: " + path);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return YamlStream.decode(InputBytes.readAll(in, limits.maxStreamBytes()), limits);
    } catch (AccessDeniedException e) {
      throw new UsageException(option + ": cannot read " + path + ": permission denied");
    }
  }

}
