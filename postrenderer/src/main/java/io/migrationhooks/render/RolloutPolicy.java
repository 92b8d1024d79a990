package io.migrationhooks.render;

import static io.migrationhooks.model.MigrationHooksAnnotations.ROLLOUT;
import static io.migrationhooks.model.MigrationHooksAnnotations.ROLLOUT_MANAGED;
import static io.migrationhooks.model.MigrationHooksAnnotations.ROLLOUT_UNMANAGED;

import io.migrationhooks.model.Reference;
import io.migrationhooks.model.Resource;
import io.migrationhooks.model.Rollout;
import io.migrationhooks.yaml.BadInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Whether render gives a Deployment the configured RollingUpdate or keeps its strategy as written,
 * and the hazards of a strategy that is kept. render decides here and check finds its rollout
 * hazards here, so that check of render's output never asks to undo what render did.
 *
 * <p>Kept: database workloads; Deployments annotated {@code migration-hooks.io/rollout: unmanaged}
 * or matched by rollout.exclude; Deployments that mount a ReadWriteOnce(Pod) claim of the stream (a
 * surge pod cannot attach it); an explicit {@code Recreate} (a singleton, or a volume the stream does
 * not show, may need it). {@code migration-hooks.io/rollout: managed} overrides the last two.
 */
public final class RolloutPolicy {
  /** The check rule (and hazard note) id of a Recreate that could roll out. */
  public static final String RECREATE_HAZARD = "deployment-recreate";
  /** The check rule (and hazard note) id of a surge onto a volume only one node or pod can attach. */
  public static final String SINGLE_ATTACH_SURGE_HAZARD = "rwo-volume-with-surge";
  private static final Set<String> SINGLE_ATTACH = Set.of("ReadWriteOnce", "ReadWriteOncePod");
  private static final String MANAGED = ROLLOUT + ": " + ROLLOUT_MANAGED;

  /** Why render sets or keeps a Deployment's strategy. */
  public enum Reason {
    /** No reason to keep it: the configured RollingUpdate. */
    CONFIGURED,
    /** migration-hooks.io/rollout: managed: the configured RollingUpdate whatever the stream says. */
    MANAGED,
    DATABASE,
    UNMANAGED,
    EXCLUDED,
    /** It mounts a ReadWriteOnce(Pod) claim of the stream. */
    SINGLE_ATTACH_CLAIM,
    /** The chart wrote Recreate. */
    RECREATE
  }

  /** @param singleAttachClaims the ReadWriteOnce(Pod) claims of the stream the Deployment mounts */
  public record Decision(Reason reason, List<Resource> singleAttachClaims) {
    public boolean setsStrategy() {
      return reason == Reason.CONFIGURED || reason == Reason.MANAGED;
    }

    /** Recreate is what the user (or the volume) asks for: check does not ask for RollingUpdate. */
    boolean keepsRecreateDeliberately() {
      return reason == Reason.DATABASE || reason == Reason.UNMANAGED || reason == Reason.EXCLUDED
          || reason == Reason.SINGLE_ATTACH_CLAIM;
    }
  }

  /** One hazard of a Deployment's strategy: its id (a check rule's), what is wrong and how to fix it. */
  public record Hazard(String id, Resource deployment, String problem, String fix) {}

  private final Selection selection;
  private final Predicate<Resource> excluded;
  private final Map<String, List<Resource>> singleAttachClaimsByName = new HashMap<>();

  public RolloutPolicy(List<Resource> resources, Selection selection, Settings settings) {
    this.selection = selection;
    this.excluded = settings.rolloutExclude::matches;
    for (Resource claim : resources) {
      if (claim.isKind(Reference.PERSISTENT_VOLUME_CLAIM) && claim.name() != null
          && claim.accessModes().stream().anyMatch(SINGLE_ATTACH::contains)) {
        singleAttachClaimsByName.computeIfAbsent(claim.name(), name -> new ArrayList<>()).add(claim);
      }
    }
  }

  /** @throws BadInputException when migration-hooks.io/rollout has a value other than managed or unmanaged */
  public Decision decide(Resource deployment) {
    String annotation = deployment.annotation(ROLLOUT);
    if (annotation != null && !annotation.equals(ROLLOUT_UNMANAGED) && !annotation.equals(ROLLOUT_MANAGED)) {
      throw new BadInputException(deployment.id() + ": " + ROLLOUT + " must be '" + ROLLOUT_MANAGED + "' or '"
          + ROLLOUT_UNMANAGED + "'");
    }
    List<Resource> claims = singleAttachClaims(deployment);
    Reason reason;
    if (selection.isDatabaseWorkload(deployment)) {
      reason = Reason.DATABASE;
    } else if (ROLLOUT_UNMANAGED.equals(annotation)) {
      reason = Reason.UNMANAGED;
    } else if (ROLLOUT_MANAGED.equals(annotation)) {
      reason = Reason.MANAGED;
    } else if (excluded.test(deployment)) {
      reason = Reason.EXCLUDED;
    } else if (!claims.isEmpty()) {
      reason = Reason.SINGLE_ATTACH_CLAIM;
    } else if (Rollout.RECREATE.equals(deployment.strategyType())) {
      reason = Reason.RECREATE;
    } else {
      reason = Reason.CONFIGURED;
    }
    return new Decision(reason, claims);
  }

  /** The hazards of the Deployment's strategy as the stream writes it. */
  public List<Hazard> hazards(Resource deployment) {
    return hazards(deployment, decide(deployment));
  }

  /**
   * @throws BadInputException when the strategy or replicas hold values Kubernetes rejects
   */
  public List<Hazard> hazards(Resource deployment, Decision decision) {
    List<Hazard> hazards = new ArrayList<>();
    Rollout rollout = Rollout.of(deployment);
    if (Rollout.RECREATE.equals(rollout.strategy()) && !decision.keepsRecreateDeliberately()) {
      hazards.add(new Hazard(RECREATE_HAZARD, deployment,
          "strategy Recreate stops every pod before new ones start: the service is down during each upgrade",
          decision.reason() == Reason.MANAGED
              ? "render replaces it (" + MANAGED + "); check render's output"
              : "annotate " + MANAGED + " and render rolls it out with RollingUpdate (maxUnavailable 0, maxSurge 1);"
                  + " to keep Recreate on purpose, annotate " + ROLLOUT + ": " + ROLLOUT_UNMANAGED));
    }
    if (rollout.isRollingUpdate() && rollout.resolvedMaxSurge() > 0 && !decision.singleAttachClaims().isEmpty()
        && decision.reason() != Reason.MANAGED) {
      hazards.add(new Hazard(SINGLE_ATTACH_SURGE_HAZARD, deployment,
          "mounts " + describe(decision.singleAttachClaims()) + " and surges " + rollout.resolvedMaxSurge()
              + " pod(s): a new pod cannot attach the volume an old pod holds, so the rollout hangs",
          "set strategy Recreate, or maxSurge: 0 with maxUnavailable: 1, or use a ReadWriteMany volume"
              + " (annotate " + MANAGED + " if every pod can attach it, e.g. on one node)"));
    }
    return hazards;
  }

  /** {@code PersistentVolumeClaim/data (ReadWriteOnce)}, comma-separated. */
  public static String describe(List<Resource> claims) {
    return claims.stream()
        .map(claim -> claim.id() + " (" + claim.accessModes().stream().filter(SINGLE_ATTACH::contains)
            .collect(Collectors.joining(", ")) + ")")
        .collect(Collectors.joining(", "));
  }

  private List<Resource> singleAttachClaims(Resource deployment) {
    if (singleAttachClaimsByName.isEmpty()) {
      return List.of();
    }
    List<Resource> claims = new ArrayList<>();
    for (Reference reference : deployment.podTemplateReferences()) {
      if (reference.kind().equals(Reference.PERSISTENT_VOLUME_CLAIM)) {
        for (Resource claim : singleAttachClaimsByName.getOrDefault(reference.name(), List.of())) {
          if (claim.sameNamespace(deployment) && !claims.contains(claim)) {
            claims.add(claim);
          }
        }
      }
    }
    return claims;
  }
}
