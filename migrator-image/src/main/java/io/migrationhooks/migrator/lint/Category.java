package io.migrationhooks.migrator.lint;

/** Why a finding matters during a rollout, in the words the report uses. */
public enum Category {
    BREAKS_RUNNING_VERSION("breaks the running version"),
    LOCKS_LIVE_SITE("locks the live site"),
    NOT_UNDERSTOOD("not understood");

    private final String description;

    Category(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
