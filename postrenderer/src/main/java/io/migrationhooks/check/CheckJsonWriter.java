package io.migrationhooks.check;

import io.migrationhooks.plan.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** check's result as JSON, schema version {@value #SCHEMA_VERSION} (README); keys always present, fixed order. */
public final class CheckJsonWriter {
  public static final int SCHEMA_VERSION = 1;

  public String write(CheckResult result) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("passed", result.findings().isEmpty());
    root.put("findings", findings(result.findings()));
    root.put("silenced", findings(result.silenced()));
    root.put("warnings", result.warnings());
    return Json.write(root);
  }

  private static List<Object> findings(List<Finding> findings) {
    return findings.stream().map(CheckJsonWriter::finding).map(Object.class::cast).toList();
  }

  private static Map<String, Object> finding(Finding finding) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rule", finding.ruleId());
    json.put("resource", finding.resource().id());
    json.put("kind", finding.resource().kind());
    json.put("namespace", finding.resource().namespace());
    json.put("name", finding.resource().name());
    json.put("document", finding.resource().document().index());
    json.put("problem", finding.problem());
    json.put("fix", finding.fix());
    return json;
  }
}
