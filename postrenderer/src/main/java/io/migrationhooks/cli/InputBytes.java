package io.migrationhooks.cli;

import io.migrationhooks.yaml.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole input, refusing more than a bound. */
final class InputBytes {
  private static final int FIRST_CHUNK = 64 * 1024;
  private static final int LARGEST_CHUNK = 4 * 1024 * 1024;
  private static final int LARGEST_READ = 64 * 1024;
  private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 16L;

  private InputBytes() {}

  /**
   * Reads in chunks that grow to 4 MB, 64 KB per read (what a pipe gives at most; the JDK copies
   * a larger read through a native buffer of that size): InputStream.readNBytes(int) reads 8 KB at
   * a time, a system call per 8 KB, which is slow in a VM.
   */
  static byte[] readAll(InputStream in, long maxBytes) throws IOException {
    long allowed = Math.min(MAX_ARRAY_LENGTH, maxBytes);
    long limit = allowed + 1; // one byte more tells a too large input
    List<byte[]> chunks = new ArrayList<>();
    long total = 0;
    int size = FIRST_CHUNK;
    while (total < limit) {
      byte[] chunk = new byte[(int) Math.min(size, limit - total)];
      int filled = fill(in, chunk);
      chunks.add(chunk);
      total += filled;
      if (filled < chunk.length) {
        break;
      }
      size = Math.min(size * 2, LARGEST_CHUNK);
    }
    if (total > allowed) {
      throw new BadInputException("input is larger than " + allowed + " bytes (see --max-stream-bytes)");
    }
    byte[] all = new byte[(int) total];
    int position = 0;
    for (byte[] chunk : chunks) {
      int length = (int) Math.min(chunk.length, total - position);
      System.arraycopy(chunk, 0, all, position, length);
      position += length;
    }
    return all;
  }

  /** Reads until the chunk is full or the input ends; returns how much was read. */
  private static int fill(InputStream in, byte[] chunk) throws IOException {
    int filled = 0;
    while (filled < chunk.length) {
      int read = in.read(chunk, filled, Math.min(LARGEST_READ, chunk.length - filled));
      if (read < 0) {
        break;
      }
      filled += read;
    }
    return filled;
  }
}
