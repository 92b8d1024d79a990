package io.migrationhooks.render;

import static io.migrationhooks.model.MigrationHooksAnnotations.ROLE;
import static io.migrationhooks.model.MigrationHooksAnnotations.ROLE_DATABASE;
import static io.migrationhooks.model.MigrationHooksAnnotations.ROLE_MIGRATION;

import io.migrationhooks.model.Reference;
import io.migrationhooks.model.Resource;
import io.migrationhooks.yaml.BadInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
    List<Resource> jobs = resources.stream().filter(r -> isMigrationJob(r, settings)).toList();
    List<Resource> databases = resources.stream().filter(r -> isDatabaseWorkload(r, settings)).toList();

    // Indexes instead of every-resource-against-every-workload loops: those made 20,000 documents
    // take minutes (see the README's Performance section).
    DatabasePods databasePods = new DatabasePods();
    for (Resource database : databases) {
      Map<String, String> labels = database.podTemplateLabels().orElse(null);
      if (labels != null) {
        databasePods.add(database.namespace(), labels);
      }
    }
    Set<Resource> services = new LinkedHashSet<>();
    for (Resource service : resources) {
      if (service.isKind("Service") && databasePods.anySelectedBy(service.serviceSelector(), service.namespace())) {
        services.add(service);
      }
    }
    Map<Reference, List<Resource>> configByReference = new HashMap<>();
    for (Resource candidate : resources) {
      String kind = candidate.kind();
      if (CONFIG_KINDS.contains(kind) && candidate.isKind(kind)) {
        configByReference.computeIfAbsent(new Reference(kind, candidate.name()), r -> new ArrayList<>()).add(candidate);
      }
    }
    Set<Resource> config = new LinkedHashSet<>();
    for (Resource workload : concat(databases, jobs)) {
      for (Reference reference : workload.podTemplateReferences()) {
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

  static boolean isMigrationJob(Resource resource, Settings settings) {
    String role = role(resource);
    if (role != null) {
      if (role.equals(ROLE_MIGRATION) && !resource.isKind("Job")) {
        throw new BadInputException(resource.id() + ": " + ROLE + ": " + ROLE_MIGRATION + " is only valid on a Job");
      }
      return role.equals(ROLE_MIGRATION);
    }
    return resource.isKind("Job") && matches(settings.migrationSelector, resource.labels());
  }

  static boolean isDatabaseWorkload(Resource resource, Settings settings) {
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

  /** The pod labels of the database workloads, by namespace and by each label they hold. */
  private static final class DatabasePods {
    private final Map<String, Map<Map.Entry<String, String>, List<Map<String, String>>>> byNamespace = new HashMap<>();

    void add(String namespace, Map<String, String> labels) {
      Map<Map.Entry<String, String>, List<Map<String, String>>> byLabel = byNamespace.computeIfAbsent(namespace, ns -> new HashMap<>());
      labels.forEach((key, value) -> byLabel.computeIfAbsent(Map.entry(key, value), label -> new ArrayList<>()).add(labels));
    }

    /** Whether the selector picks the pods of a database that may share the namespace (null: any). */
    boolean anySelectedBy(Map<String, String> selector, String namespace) {
      if (selector.isEmpty()) {
        return false;
      }
      Map.Entry<String, String> oneLabel = selector.entrySet().iterator().next();
      for (Map.Entry<String, Map<Map.Entry<String, String>, List<Map<String, String>>>> entry : byNamespace.entrySet()) {
        if (namespace == null || entry.getKey() == null || entry.getKey().equals(namespace)) {
          for (Map<String, String> labels : entry.getValue().getOrDefault(oneLabel, List.of())) {
            if (matches(selector, labels)) {
              return true;
            }
          }
        }
      }
      return false;
    }
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
