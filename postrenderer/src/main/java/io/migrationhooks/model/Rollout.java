package io.migrationhooks.model;

import io.migrationhooks.yaml.BadInputException;
import java.util.ArrayList;
import java.util.List;

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

  public Rollout {
    defaulted = List.copyOf(defaulted);
  }

  /** @throws BadInputException when a value is not what Kubernetes accepts */
  public static Rollout of(Resource deployment) {
    List<String> defaulted = new ArrayList<>();
    String replicasText = deployment.stringAt("spec", "replicas");
    int replicas = 1;
    if (replicasText == null) {
      defaulted.add("replicas");
    } else {
      replicas = nonNegative(deployment, "spec.replicas", replicasText);
    }
    String strategy = deployment.stringAt("spec", "strategy", "type");
    if (strategy == null) {
      defaulted.add("strategy");
      strategy = ROLLING_UPDATE;
    }
    if (!strategy.equals(ROLLING_UPDATE)) {
      return new Rollout(deployment, replicas, strategy, null, null, 0, replicas, defaulted);
    }
    String surge = deployment.stringAt("spec", "strategy", "rollingUpdate", "maxSurge");
    if (surge == null) {
      defaulted.add("maxSurge");
      surge = DEFAULT_PERCENT;
    }
    String unavailable = deployment.stringAt("spec", "strategy", "rollingUpdate", "maxUnavailable");
    if (unavailable == null) {
      defaulted.add("maxUnavailable");
      unavailable = DEFAULT_PERCENT;
    }
    int resolvedSurge = scaled(deployment, "maxSurge", surge, replicas, true);
    int resolvedUnavailable = scaled(deployment, "maxUnavailable", unavailable, replicas, false);
    if (resolvedSurge == 0 && resolvedUnavailable == 0) {
      resolvedUnavailable = 1;
    }
    return new Rollout(deployment, replicas, strategy, surge, unavailable, resolvedSurge, resolvedUnavailable, defaulted);
  }

  /** An int-or-percent value scaled to the replicas: {@code 25%} of 3 is 1 rounded up, 0 rounded down. */
  static int scaled(Resource deployment, String field, String value, int replicas, boolean roundUp) {
    if (!value.endsWith("%")) {
      return nonNegative(deployment, "spec.strategy.rollingUpdate." + field, value);
    }
    int percent = nonNegative(deployment, "spec.strategy.rollingUpdate." + field, value.substring(0, value.length() - 1));
    long hundredths = (long) percent * replicas;
    return (int) (roundUp ? (hundredths + 99) / 100 : hundredths / 100);
  }

  private static int nonNegative(Resource deployment, String field, String text) {
    if (text.matches("[0-9]{1,9}")) {
      return Integer.parseInt(text);
    }
    throw new BadInputException(deployment.id() + ": " + field + " must be a non-negative integer"
        + (field.endsWith("replicas") ? "" : " or a percentage such as 25%"));
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
