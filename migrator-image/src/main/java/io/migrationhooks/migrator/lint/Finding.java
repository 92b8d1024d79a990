package io.migrationhooks.migrator.lint;

/**
 * A rule's violation placed in its script, with whether an allow comment accepted it.
 *
 * @param allowReason the reason of the accepting allow comment, or null when not allowed
 */
public record Finding(String file, int line, String ruleId, Category category, String statement, String message,
        String fix, String allowReason) {

    public boolean allowed() {
        return allowReason != null;
    }

    /** One line for a log: {@code file:line: rule-id (category): message. Fix: ...}. */
    public String describe() {
        String head = file + ":" + line + ": " + ruleId + " (" + category.description() + "): " + message;
        if (allowed()) {
            return head + " [allowed: " + allowReason + "]";
        }
        return head + ". Fix: " + fix;
    }
}
