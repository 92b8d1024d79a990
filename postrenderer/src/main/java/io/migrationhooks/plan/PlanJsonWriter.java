package io.migrationhooks.plan;

import io.migrationhooks.model.Rollout;
import io.migrationhooks.model.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan as JSON, schema version {@value #SCHEMA_VERSION} (documented in the README). Every key is
 * always present, in a fixed order; absent values are null. A new field raises the minor part of
 * nothing: consumers must ignore unknown keys; a changed or removed field raises the version.
 */
public final class PlanJsonWriter {
  public static final int SCHEMA_VERSION = 1;

  public String write(Plan plan) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("target", plan.target());
    root.put("phases", plan.phases().stream().map(PlanJsonWriter::phase).toList());
    root.put("otherHooks", steps(plan.otherHooks()));
    root.put("droppedHooks", steps(plan.droppedHooks()));
    root.put("rollouts", plan.rollouts().stream().map(PlanJsonWriter::rollout).toList());
    root.put("externalReferences", plan.externalReferences().stream().map(PlanJsonWriter::external).toList());
    return Json.write(root);
  }

  private static Map<String, Object> phase(Phase phase) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", phase.id());
    json.put("title", phase.title());
    json.put("description", phase.description());
    json.put("steps", steps(phase.steps()));
    return json;
  }

  private static List<Object> steps(List<Step> steps) {
    return steps.stream().map(PlanJsonWriter::step).map(Object.class::cast).toList();
  }

  private static Map<String, Object> step(Step step) {
    Map<String, Object> json = resource(step.resource());
    json.put("role", step.role());
    json.put("waits", step.waits());
    json.put("hook", step.hook() == null ? null : hook(step.hook()));
    return json;
  }

  private static Map<String, Object> hook(HelmHook hook) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("events", hook.events());
    json.put("unknownEvents", hook.unknownEvents());
    json.put("weight", hook.weight());
    json.put("deletePolicies", hook.deletePolicies());
    json.put("deletePolicyImplied", hook.deletePolicyImplied());
    json.put("lifecycle", hook.lifecycle().id());
    json.put("resourcePolicyKeep", hook.resourcePolicyKeep());
    return json;
  }

  private static Map<String, Object> rollout(Rollout rollout) {
    Map<String, Object> json = resource(rollout.deployment());
    json.put("replicas", rollout.replicas());
    json.put("strategy", rollout.strategy());
    json.put("maxSurge", rollout.maxSurge());
    json.put("maxUnavailable", rollout.maxUnavailable());
    json.put("resolvedMaxSurge", rollout.resolvedMaxSurge());
    json.put("resolvedMaxUnavailable", rollout.resolvedMaxUnavailable());
    json.put("minReady", rollout.minReady());
    json.put("dropsBelowReplicas", rollout.dropsBelowReplicas());
    json.put("defaulted", rollout.defaulted());
    return json;
  }

  private static Map<String, Object> external(ExternalReference external) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", external.reference().kind());
    json.put("namespace", external.namespace());
    json.put("name", external.reference().name());
    json.put("referencedBy", external.referencedBy().stream().map(Resource::id).toList());
    return json;
  }

  /** Identity fields first; {@code document} is the 1-based position in the stream. */
  static Map<String, Object> resource(Resource resource) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", resource.kind());
    json.put("namespace", resource.namespace());
    json.put("name", resource.name());
    json.put("document", resource.document().index());
    return json;
  }
}
