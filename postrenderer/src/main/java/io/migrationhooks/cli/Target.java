package io.migrationhooks.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Who applies the output: Helm (hooks), or Argo CD (sync waves and Sync hooks). */
public enum Target {
  HELM, ARGOCD;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Accepts {@code helm} and {@code argocd}; the error lists both. */
  public static final class Converter implements ITypeConverter<Target> {
    @Override
    public Target convert(String value) {
      return Arrays.stream(values()).filter(target -> target.toString().equals(value)).findFirst()
          .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a target; use helm or argocd"));
    }
  }
}
