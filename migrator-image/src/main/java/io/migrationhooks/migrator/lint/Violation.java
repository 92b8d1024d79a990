package io.migrationhooks.migrator.lint;

/** What a rule found in one statement: what goes wrong and how to do it safely. */
public record Violation(String message, String fix) {
}
