package io.migrationhooks.model;

import io.migrationhooks.yaml.BadInputException;
import io.migrationhooks.yaml.Yaml11Scalars;
import io.migrationhooks.yaml.Yaml11Value;
import io.migrationhooks.yaml.Yaml11Value.Invalid;
import io.migrationhooks.yaml.Yaml11Value.Null;
import io.migrationhooks.yaml.Yaml11Value.Str;
import io.migrationhooks.yaml.YamlNodes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * What a Deployment's rollout does, resolved as the Deployment controller does (ResolveFenceposts):
 * a percentage surge rounds up, a percentage unavailable rounds down, and if both come to 0 the
 * controller allows one unavailable pod. Kubernetes defaults: 1 replica, RollingUpdate, 25%/25%.
 */
public record Rollout(Resource deployment, int replicas, String strategy, String maxSurge, String maxUnavailable,
    int resolvedMaxSurge, int resolvedMaxUnavailable, List<String> defaulted) {

  public static final String ROLLING_UPDATE = "RollingUpdate";
  public static final String RECREATE = "Recreate";
  static final String DEFAULT_PERCENT = "25%";
  /** Kubernetes' IsValidPercent; the number is then read in decimal (strconv.Atoi). */
  private static final Pattern PERCENT = Pattern.compile("[0-9]{1,9}%");
  private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  public Rollout {
    defaulted = List.copyOf(defaulted);
  }

  /**
   * Reads the fields as the API server receives them (YAML 1.1 scalars through JSON, see
   * {@link Yaml11Scalars}): {@code 010} replicas are 8, {@code 3.0} is 3, a quoted {@code "3"} is a
   * string and refused.
   *
   * @throws BadInputException when a value is not what Kubernetes accepts
   */
  public static Rollout of(Resource deployment) {
    List<String> defaulted = new ArrayList<>();
    Field replicasField = Field.at(deployment, "spec", "replicas");
    int replicas = 1;
    if (replicasField == null) {
      defaulted.add("replicas");
    } else {
      replicas = replicasField.nonNegative(deployment, "");
    }
    String strategy = deployment.stringAt("spec", "strategy", "type");
    if (strategy == null) {
      defaulted.add("strategy");
      strategy = ROLLING_UPDATE;
    }
    if (!strategy.equals(ROLLING_UPDATE)) {
      return new Rollout(deployment, replicas, strategy, null, null, 0, replicas, defaulted);
    }
    String surge = intOrPercent(deployment, "maxSurge", defaulted);
    String unavailable = intOrPercent(deployment, "maxUnavailable", defaulted);
    int resolvedSurge = scaled(surge, replicas, true);
    int resolvedUnavailable = scaled(unavailable, replicas, false);
    if (resolvedSurge == 0 && resolvedUnavailable == 0) {
      resolvedUnavailable = 1;
    }
    return new Rollout(deployment, replicas, strategy, surge, unavailable, resolvedSurge, resolvedUnavailable, defaulted);
  }

  /**
   * An IntOrString as Kubernetes decodes it: a JSON string stays a string (which must be a
   * percentage), a number is an integer; returned as its canonical text ({@code 0x1} is "1").
   */
  private static String intOrPercent(Resource deployment, String field, List<String> defaulted) {
    Field value = Field.at(deployment, "spec", "strategy", "rollingUpdate", field);
    if (value == null) {
      defaulted.add(field);
      return DEFAULT_PERCENT;
    }
    if (value.value() instanceof Str string && PERCENT.matcher(string.value()).matches()) {
      return string.value();
    }
    return Integer.toString(value.nonNegative(deployment, " or a percentage such as 25%"));
  }

  /** An int-or-percent value scaled to the replicas: {@code 25%} of 3 is 1 rounded up, 0 rounded down. */
  static int scaled(String value, int replicas, boolean roundUp) {
    if (!value.endsWith("%")) {
      return Integer.parseInt(value);
    }
    int percent = Integer.parseInt(value.substring(0, value.length() - 1));
    long hundredths = (long) percent * replicas;
    return (int) (roundUp ? (hundredths + 99) / 100 : hundredths / 100);
  }

  /** A scalar field as the API server receives it, with its node for messages. */
  private record Field(String path, Yaml11Value value, ScalarNode node) {
    /** Null when the field is missing or null: Kubernetes then applies its default. */
    static Field at(Resource deployment, String... path) {
      String dotted = String.join(".", path);
      Node node = deployment.nodeAt(path).orElse(null);
      if (node == null || YamlNodes.isNull(node)) {
        return null;
      }
      if (!(node instanceof ScalarNode scalar)) {
        throw new BadInputException(deployment.id() + ": " + dotted + " must be a scalar, not " + Yaml11Scalars.describe(node));
      }
      Yaml11Value value = Yaml11Scalars.resolve(scalar);
      if (value instanceof Invalid invalid) {
        throw new BadInputException(deployment.id() + ": " + dotted + ": " + invalid.reason());
      }
      return value instanceof Null ? null : new Field(dotted, value, scalar);
    }

    int nonNegative(Resource deployment, String alternative) {
      BigInteger integer = value.apiInteger().orElse(null);
      if (integer != null && integer.signum() >= 0 && integer.compareTo(INT32_MAX) <= 0) {
        return integer.intValueExact();
      }
      throw new BadInputException(deployment.id() + ": " + path + " must be a non-negative integer" + alternative
          + ", not " + Yaml11Scalars.describe(node));
    }
  }

  /** The fewest ready pods during the rollout: Recreate stops all of them first. */
  public int minReady() {
    return Math.max(0, replicas - resolvedMaxUnavailable);
  }

  public boolean dropsBelowReplicas() {
    return minReady() < replicas;
  }

  public boolean isRollingUpdate() {
    return ROLLING_UPDATE.equals(strategy);
  }
}
