package io.migrationhooks.render;

import static io.migrationhooks.model.MigrationHooksAnnotations.ROLE;
import static io.migrationhooks.model.MigrationHooksAnnotations.ROLE_DATABASE;
import static io.migrationhooks.model.MigrationHooksAnnotations.ROLE_MIGRATION;

import io.migrationhooks.model.HelmAnnotations;
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
 * workloads (selected, or reached by name from a Job that runs before the release), and everything
 * they need to start (the closure), each with its {@link Tier} (docs/selection.md). Pure
 * reading: rules, plan and check all build on it. Resources that already are hooks are included,
 * so a chart-declared database hook still pulls in its Secret.
 */
public final class Selection {
  private static final List<String> CONFIG_KINDS = List.of(
      Reference.SECRET, Reference.CONFIG_MAP, Reference.PERSISTENT_VOLUME_CLAIM, Reference.SERVICE_ACCOUNT);

  private final List<Resource> migrationJobs;
  private final List<Resource> databaseWorkloads;
  private final Set<Resource> databaseWorkloadSet;
  private final List<Resource> prerequisiteJobs;
  private final Map<Resource, Tier> closure;
  private final Map<Resource, Set<Resource>> needs;
  private final List<String> notes;

  private Selection(List<Resource> migrationJobs, List<Resource> databaseWorkloads, List<Resource> prerequisiteJobs,
      Map<Resource, Tier> closure, Map<Resource, Set<Resource>> needs, List<String> notes) {
    this.migrationJobs = migrationJobs;
    this.databaseWorkloads = databaseWorkloads;
    this.databaseWorkloadSet = new HashSet<>(databaseWorkloads);
    this.prerequisiteJobs = prerequisiteJobs;
    this.closure = closure;
    this.needs = needs;
    this.notes = notes;
  }

  /** @throws BadInputException when a role annotation is on the wrong kind or has an unknown value */
  public static Selection of(List<Resource> resources, Settings settings) {
    List<Resource> jobs = resources.stream().filter(r -> isMigrationJob(r, settings)).toList();
    Set<Resource> databaseSet = new LinkedHashSet<>();
    for (Resource resource : resources) {
      if (isDatabaseWorkload(resource, settings)) {
        databaseSet.add(resource);
      }
    }
    List<String> notes = new ArrayList<>();
    noteUnmatched(resources, settings.migrationSelector, notes);
    noteUnmatched(resources, settings.databaseSelector, notes);
    noteUnmatched(resources, settings.rolloutExclude, notes);

    Map<Reference, List<Resource>> configByReference = new HashMap<>();
    for (Resource candidate : resources) {
      String kind = candidate.kind();
      if (CONFIG_KINDS.contains(kind) && candidate.isKind(kind)) {
        configByReference.computeIfAbsent(new Reference(kind, candidate.name()), r -> new ArrayList<>()).add(candidate);
      }
    }

    // Every Job that runs before the release resources needs what it needs before it: the selected
    // migration Jobs and the chart's own pre-install/pre-upgrade Jobs (Kong's pre-upgrade migrations
    // pull the same database forward as its install-only Job, so the hook set stays the same).
    Set<Resource> jobSet = new HashSet<>(jobs);
    List<Resource> prerequisiteJobs = new ArrayList<>();
    for (Resource resource : resources) {
      if (resource.isKind("Job") && !jobSet.contains(resource) && runsBeforeRelease(resource)) {
        prerequisiteJobs.add(resource);
      }
    }
    List<Resource> dependents = concat(jobs, prerequisiteJobs);

    Map<Resource, Set<Resource>> needs = new LinkedHashMap<>();
    Set<Resource> namedServices = new LinkedHashSet<>();
    Set<Resource> reachedDatabases = new LinkedHashSet<>();
    NameReferences names = new NameReferences(resources, configByReference);
    Workloads workloads = null;
    for (Resource job : dependents) {
      Set<Resource> jobNeeds = new LinkedHashSet<>();
      for (Resource service : names.servicesReachedBy(job)) {
        if (settings.allowsReleaseDependency(service)) {
          continue;
        }
        if (workloads == null) {
          workloads = new Workloads(resources);
        }
        List<Resource> selected = workloads.selectedBy(service);
        List<Resource> data = selected.stream().filter(w -> databaseSet.contains(w) || holdsData(w)).toList();
        if (selected.isEmpty() || !data.isEmpty()) {
          namedServices.add(service);
          jobNeeds.add(service);
          for (Resource workload : data) {
            if (!settings.allowsReleaseDependency(workload)) {
              reachedDatabases.add(workload);
              jobNeeds.add(workload);
            }
          }
        } else {
          notes.add(job.id() + ": names " + service.id() + ", whose pods (" + selected.get(0).id()
              + (selected.size() > 1 ? " and " + (selected.size() - 1) + " more" : "")
              + ") are not a StatefulSet's, so it stays a release resource; if the Job waits for it, select its workload with selectors.database");
        }
      }
      needs.put(job, jobNeeds);
    }
    // Without a selected migration Job, a selected database stays where it is (as before), but what
    // the chart's own pre-install/pre-upgrade Jobs reach still comes first.
    databaseSet.addAll(reachedDatabases);
    Set<Resource> effective = jobs.isEmpty() ? reachedDatabases : databaseSet;
    List<Resource> allDatabases = resources.stream().filter(databaseSet::contains).toList();
    List<Resource> databases = resources.stream().filter(effective::contains).toList();

    // Indexes instead of every-resource-against-every-workload loops: those made 20,000 documents
    // take minutes (see the README's Performance section).
    DatabasePods databasePods = new DatabasePods();
    for (Resource database : databases) {
      Map<String, String> labels = database.podTemplateLabels().orElse(null);
      if (labels != null) {
        databasePods.add(database.namespace(), labels);
      }
    }
    Set<Resource> services = new LinkedHashSet<>(namedServices);
    for (Resource service : resources) {
      if (service.isKind("Service") && databasePods.anySelectedBy(service.serviceSelector(), service.namespace())) {
        services.add(service);
      }
    }
    Set<Resource> config = new LinkedHashSet<>();
    for (Resource workload : concat(databases, dependents)) {
      for (Reference reference : workload.podTemplateReferences()) {
        for (Resource candidate : configByReference.getOrDefault(reference, List.of())) {
          if (candidate.sameNamespace(workload)) {
            config.add(candidate);
            Set<Resource> jobNeeds = needs.get(workload);
            if (jobNeeds != null) {
              jobNeeds.add(candidate);
            }
          }
        }
      }
    }
    Map<Resource, Tier> closure = new LinkedHashMap<>();
    for (Resource resource : resources) {
      tier(resource, jobSet, effective, services, config).ifPresent(tier -> closure.put(resource, tier));
    }
    return new Selection(jobs, allDatabases, List.copyOf(prerequisiteJobs), Collections.unmodifiableMap(closure),
        Collections.unmodifiableMap(needs), List.copyOf(notes));
  }

  /** A chart-declared hook that runs before the release resources of an install or an upgrade. */
  static boolean runsBeforeRelease(Resource resource) {
    List<String> events = HelmAnnotations.hookEvents(resource.annotation(HelmAnnotations.HOOK));
    return events.contains(HelmAnnotations.PRE_INSTALL) || events.contains(HelmAnnotations.PRE_UPGRADE);
  }

  /**
   * What a Job reaching a Service by name waits for: a StatefulSet. A Deployment behind a named
   * Service is most often the application itself (Sentry's db-init names its web Service, whose
   * Deployment mounts a claim for files); a database run as a Deployment is selected explicitly.
   */
  private static boolean holdsData(Resource workload) {
    return workload.isKind("StatefulSet");
  }

  private static void noteUnmatched(List<Resource> resources, ResourceSelector selector, List<String> notes) {
    if (!selector.isConfigured()) {
      return;
    }
    for (SelectorEntry entry : selector.entries()) {
      boolean hasKind = false;
      boolean matched = false;
      for (Resource resource : resources) {
        if (selector.hasKindOf(entry, resource)) {
          hasKind = true;
          if (selector.entryMatches(entry, resource)) {
            matched = true;
            break;
          }
        }
      }
      if (hasKind && !matched) {
        notes.add(selector.key() + " entry " + entry + " matches nothing in the stream");
      }
    }
  }

  /** Workloads with a pod template, by namespace and each of their pod labels. */
  private static final class Workloads {
    private final Map<Map.Entry<String, String>, List<Resource>> byLabel = new HashMap<>();

    Workloads(List<Resource> resources) {
      for (Resource resource : resources) {
        boolean workload = resource.isKind("StatefulSet") || resource.isKind("Deployment");
        Map<String, String> labels = workload ? resource.podTemplateLabels().orElse(null) : null;
        if (labels != null) {
          labels.forEach((key, value) -> byLabel.computeIfAbsent(Map.entry(key, value), l -> new ArrayList<>()).add(resource));
        }
      }
    }

    List<Resource> selectedBy(Resource service) {
      Map<String, String> selector = service.serviceSelector();
      if (selector.isEmpty()) {
        return List.of();
      }
      List<Resource> selected = new ArrayList<>();
      for (Resource workload : byLabel.getOrDefault(selector.entrySet().iterator().next(), List.of())) {
        if (workload.sameNamespace(service) && matches(selector, workload.podTemplateLabels().orElse(Map.of()))) {
          selected.add(workload);
        }
      }
      return selected;
    }
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
    return settings.migrationSelector.matches(resource);
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
    return workloadKind && settings.databaseSelector.matches(resource);
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

  /** Chart-declared pre-install/pre-upgrade Jobs that are not selected: their needs come first, they stay as written. */
  public List<Resource> prerequisiteJobs() {
    return prerequisiteJobs;
  }

  /**
   * What each Job that runs before the release (selected, or declared pre-install/pre-upgrade)
   * needs to finish: the config its pods reference and the Services it names with their data workloads.
   */
  public Map<Resource, Set<Resource>> needs() {
    return needs;
  }

  /** What the selection could not decide for the user: selectors that match nothing, names not followed. */
  public List<String> notes() {
    return notes;
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
