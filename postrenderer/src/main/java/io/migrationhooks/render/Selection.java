package io.migrationhooks.render;

import static io.migrationhooks.model.MigrationHooksAnnotations.ROLE;
import static io.migrationhooks.model.MigrationHooksAnnotations.ROLE_DATABASE;
import static io.migrationhooks.model.MigrationHooksAnnotations.ROLE_MIGRATION;

import io.migrationhooks.model.PodTemplate;
import io.migrationhooks.model.Reference;
import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.BadInputException;
import io.migrationhooks.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which resources of a stream take part in the migration: the migration Jobs, the database
 * workloads, and everything they need to start (the closure), each with its {@link Tier}. Pure
 * reading: rules, plan and check all build on it. Resources that already are hooks are included,
 * so a chart-declared database hook still pulls in its Secret.
 */
public final class Selection {
  private static final List<String> CONFIG_KINDS = List.of(
      Reference.SECRET, Reference.CONFIG_MAP, Reference.PERSISTENT_VOLUME_CLAIM, Reference.SERVICE_ACCOUNT);

  private final List<Resource> migrationJobs;
  private final List<Resource> databaseWorkloads;
  private final Set<Resource> databaseWorkloadSet;
  private final Map<Resource, Tier> closure;

  private Selection(List<Resource> migrationJobs, List<Resource> databaseWorkloads, Map<Resource, Tier> closure) {
    this.migrationJobs = migrationJobs;
    this.databaseWorkloads = databaseWorkloads;
    this.databaseWorkloadSet = new HashSet<>(databaseWorkloads);
    this.closure = closure;
  }

  /** @throws BadInputException when a role annotation is on the wrong kind or has an unknown value */
  public static Selection of(List<Resource> resources, Settings settings) {
    List<Resource> jobs = resources.stream().filter(r -> selectedAsMigrationJob(r, settings)).toList();
    List<Resource> databases = resources.stream().filter(r -> selectedAsDatabaseWorkload(r, settings)).toList();
    List<Map<String, String>> databasePodLabels = databases.stream()
        .map(database -> database.podTemplate().map(PodTemplate::labels).orElse(Map.of()))
        .toList();

    Set<Resource> services = new HashSet<>();
    for (Resource service : resources) {
      if (service.isKind("Service") && selectsAny(service, databases, databasePodLabels)) {
        services.add(service);
      }
    }
    Map<Reference, List<Resource>> configByReference = new HashMap<>();
    for (Resource candidate : resources) {
      if (CONFIG_KINDS.contains(candidate.kind()) && candidate.isKind(candidate.kind()) && candidate.name() != null) {
        configByReference.computeIfAbsent(new Reference(candidate.kind(), candidate.name()), r -> new ArrayList<>()).add(candidate);
      }
    }
    Set<Resource> config = new HashSet<>();
    for (Resource workload : concat(databases, jobs)) {
      for (Reference reference : workload.podTemplate().map(PodTemplate::references).orElse(Set.of())) {
        for (Resource candidate : configByReference.getOrDefault(reference, List.of())) {
          if (candidate.sameNamespace(workload)) {
            config.add(candidate);
          }
        }
      }
    }
    Set<Resource> jobSet = new HashSet<>(jobs);
    Set<Resource> databaseSet = new HashSet<>(databases);
    Map<Resource, Tier> closure = new LinkedHashMap<>();
    for (Resource resource : resources) {
      tier(resource, jobSet, databaseSet, services, config).ifPresent(tier -> closure.put(resource, tier));
    }
    return new Selection(jobs, databases, Collections.unmodifiableMap(closure));
  }

  private static Optional<Tier> tier(Resource resource, Set<Resource> jobs, Set<Resource> databases,
      Set<Resource> services, Set<Resource> config) {
    if (jobs.contains(resource)) {
      return Optional.of(Tier.MIGRATION_JOB);
    } else if (databases.contains(resource)) {
      return Optional.of(Tier.DATABASE_WORKLOAD);
    } else if (services.contains(resource)) {
      return Optional.of(Tier.SERVICE);
    } else if (config.contains(resource)) {
      return Optional.of(Tier.CONFIG);
    }
    return Optional.empty();
  }

  private static List<Resource> concat(List<Resource> first, List<Resource> second) {
    List<Resource> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  static boolean selectedAsMigrationJob(Resource resource, Settings settings) {
    String role = role(resource);
    if (role != null) {
      if (role.equals(ROLE_MIGRATION) && !resource.isKind("Job")) {
        throw new BadInputException(resource.id() + ": " + ROLE + ": " + ROLE_MIGRATION + " is only valid on a Job");
      }
      return role.equals(ROLE_MIGRATION);
    }
    return resource.isKind("Job") && matches(settings.migrationSelector, resource.labels());
  }

  static boolean selectedAsDatabaseWorkload(Resource resource, Settings settings) {
    boolean workloadKind = resource.isKind("StatefulSet") || resource.isKind("Deployment");
    String role = role(resource);
    if (role != null) {
      if (role.equals(ROLE_DATABASE) && !workloadKind) {
        throw new BadInputException(resource.id() + ": " + ROLE + ": " + ROLE_DATABASE
            + " is only valid on a StatefulSet or Deployment");
      }
      return role.equals(ROLE_DATABASE);
    }
    return workloadKind && matches(settings.databaseSelector, resource.labels());
  }

  private static String role(Resource resource) {
    String role = resource.annotation(ROLE);
    if (role != null && !role.equals(ROLE_MIGRATION) && !role.equals(ROLE_DATABASE)) {
      throw new BadInputException(resource.id() + ": " + ROLE + " must be '" + ROLE_MIGRATION + "' or '" + ROLE_DATABASE + "'");
    }
    return role;
  }

  private static boolean selectsAny(Resource service, List<Resource> workloads, List<Map<String, String>> podLabels) {
    Map<String, String> selector = service.nodeAt("spec", "selector").map(YamlNodes::stringMap).orElse(Map.of());
    if (selector.isEmpty()) {
      return false;
    }
    for (int i = 0; i < workloads.size(); i++) {
      if (workloads.get(i).sameNamespace(service) && matches(selector, podLabels.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** Every selector label present with the same value; an empty selector matches nothing. */
  public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    return !selector.isEmpty() && selector.entrySet().stream()
        .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
  }

  public List<Resource> migrationJobs() {
    return migrationJobs;
  }

  public boolean hasMigrationJob() {
    return !migrationJobs.isEmpty();
  }

  public List<Resource> databaseWorkloads() {
    return databaseWorkloads;
  }

  public boolean isDatabaseWorkload(Resource resource) {
    return databaseWorkloadSet.contains(resource);
  }

  /** Migration Jobs, database workloads, their Services and the config they reference, in document order. */
  public Map<Resource, Tier> closure() {
    return closure;
  }

  public Optional<Tier> tierOf(Resource resource) {
    return Optional.ofNullable(closure.get(resource));
  }
}
