package io.migrationhooks.it;

import java.util.List;

/** The plan of chart/ with default values as `plan` prints it, each line with its runs of spaces made one. */
final class ExamplePlan {

    private ExamplePlan() {
    }

    static final List<String> DEFAULT_TABLE_LINES = List.of(
            "-30 Secret/app-database dependency no kept yes install,upgrade",
            "-30 ConfigMap/app-postgresql dependency no kept yes install,upgrade",
            "-20 Service/app-postgresql database-service no kept yes install,upgrade",
            "-20 Service/app-postgresql-hl database-service no kept yes install,upgrade",
            "-10 StatefulSet/app-postgresql database no kept yes install,upgrade",
            "0 Job/app-migrations migration-job yes recreated - install,upgrade",
            "Deployment/app -",
            "Deployment/app 3 RollingUpdate 1 0 3");

    static List<String> normalisedLines(String table) {
        return table.lines().map(line -> line.strip().replaceAll("\\s+", " ")).toList();
    }
}
