package io.migrationhooks.cli;

public final class ExitCodes {
  public static final int OK = 0;
  public static final int BAD_INPUT = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 3;
  /** check found hazards (the input itself was read fine). */
  public static final int FINDINGS = 4;

  private ExitCodes() {}
}
