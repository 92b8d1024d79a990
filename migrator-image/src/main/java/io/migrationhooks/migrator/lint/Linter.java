package io.migrationhooks.migrator.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lints migration scripts in the order Flyway applies them. Scripts already applied are read only
 * for what they tell about the schema; the pending ones are checked, and tables they create count
 * as new for the statements after.
 */
public final class Linter {
    private static final Pattern ALLOW = Pattern.compile("--\\s*migration-hooks:\\s*allow\\s+(\\S+)\\s*(.*)");

    private final List<Rule> rules;
    private final Set<String> ruleIds;

    public Linter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.ruleIds = rules.stream().map(Rule::id).collect(Collectors.toSet());
    }

    /** A script by the name reports use (its file name) and its text. */
    public record Script(String name, String text) {
    }

    public List<Finding> lint(List<Script> applied, List<Script> pending) {
        Schema schema = new Schema();
        for (Script script : applied) {
            for (SqlScript.Statement statement : SqlScript.split(script.text())) {
                schema.apply(ParsedStatement.parse(statement), false);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Script script : pending) {
            for (SqlScript.Statement source : SqlScript.split(script.text())) {
                ParsedStatement statement = ParsedStatement.parse(source);
                findings.addAll(check(script.name(), statement, schema));
                schema.apply(statement, true);
            }
        }
        return findings;
    }

    private List<Finding> check(String file, ParsedStatement statement, Schema schema) {
        Map<String, String> allows = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        String text = statement.text().replaceAll("\\s+", " ");
        for (String comment : statement.source().comments()) {
            Matcher allow = ALLOW.matcher(comment.strip());
            if (!allow.matches()) {
                continue;
            }
            String id = allow.group(1);
            String reason = allow.group(2).strip();
            if (!ruleIds.contains(id)) {
                findings.add(new Finding(file, statement.source().line(), "bad-allow", Category.NOT_UNDERSTOOD, text,
                        "the allow comment names no rule: " + id, "use one of the rule ids in docs/lint.md", null));
            } else if (reason.isEmpty()) {
                findings.add(new Finding(file, statement.source().line(), "bad-allow", Category.NOT_UNDERSTOOD, text,
                        "the allow comment for " + id + " gives no reason", "say why: `-- migration-hooks: allow "
                                + id + " <reason>`", null));
            } else {
                allows.put(id, reason);
            }
        }
        for (Rule rule : rules) {
            for (Violation violation : rule.check(statement, schema)) {
                findings.add(new Finding(file, statement.source().line(), rule.id(), rule.category(), text,
                        violation.message(), violation.fix(), allows.get(rule.id())));
            }
        }
        return findings;
    }
}
