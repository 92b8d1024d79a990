package io.migrationhooks.yaml;

/**
 * Bounds on untrusted input. The document bound sits above Kubernetes' 1.5 MiB object limit, so
 * no real manifest hits it.
 */
public record Limits(int maxDocumentBytes, long maxStreamBytes, int maxAliasesForCollections) {
  public static final int DEFAULT_MAX_DOCUMENT_BYTES = 3 * 1024 * 1024;
  public static final long DEFAULT_MAX_STREAM_BYTES = 256L * 1024 * 1024;
  public static final int DEFAULT_MAX_ALIASES_FOR_COLLECTIONS = 50;

  /** Collections nested deeper are refused, counted (never by when the stack runs out); Kubernetes objects nest a few dozen deep. */
  public static final int MAX_NESTING_DEPTH = 256;

  public static final Limits DEFAULT =
      new Limits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_STREAM_BYTES, DEFAULT_MAX_ALIASES_FOR_COLLECTIONS);

  public Limits {
    if (maxDocumentBytes <= 0 || maxStreamBytes <= 0 || maxAliasesForCollections < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public Limits withMaxDocumentBytes(int bytes) {
    return new Limits(bytes, maxStreamBytes, maxAliasesForCollections);
  }

  public Limits withMaxStreamBytes(long bytes) {
    return new Limits(maxDocumentBytes, bytes, maxAliasesForCollections);
  }
}
