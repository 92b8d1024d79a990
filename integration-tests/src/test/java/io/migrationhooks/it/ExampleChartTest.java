package io.migrationhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** chart/ as a chart author ships it: lint-clean with both Helm versions, and bad values fail clearly. */
class ExampleChartTest {

    @TempDir
    Path helmHome;

    static Stream<Arguments> lintCases() {
        List<List<String>> valueSets = List.of(
                List.of(),
                List.of("--set", "postgresql.enabled=false", "--set", "externalDatabase.host=db.example.com",
                        "--set", "externalDatabase.password=secret"),
                List.of("--set", "migrations.enabled=false"),
                List.of("--set", "helm3Hooks.enabled=true"),
                List.of("--set", "postgresql.auth.existingSecret=pg-credentials"));
        return Stream.of("helm4", "helm3").flatMap(helm -> valueSets.stream().map(values -> Arguments.of(helm, values)));
    }

    @ParameterizedTest(name = "{0} lint --strict {1}")
    @MethodSource("lintCases")
    void lintsCleanWithStrictChecks(String helmVersion, List<String> values) {
        List<String> args = new ArrayList<>(List.of("lint", "--strict", TestPaths.chart().toString()));
        args.addAll(values);

        ProcessResult result = helm(helmVersion).run(args);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("1 chart(s) linted, 0 chart(s) failed").doesNotContain("[WARNING]");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(List.of("--set", "backend.replicaCount=two"), "/backend/replicaCount"),
                Arguments.of(List.of("--set", "backend.replicas=3"), "additional properties 'replicas' not allowed"),
                Arguments.of(List.of("--set", "postgresql.persistence.size=lots"), "/postgresql/persistence/size"),
                Arguments.of(List.of("--set", "helm3Hooks.weights.migration=last"), "/helm3Hooks/weights/migration"),
                Arguments.of(List.of("--set", "postgresql.auth.password="),
                        "no database password: set postgresql.auth.password, or postgresql.auth.existingSecret"),
                Arguments.of(List.of("--set", "postgresql.enabled=false"),
                        "externalDatabase.host is empty while postgresql.enabled=false: set externalDatabase.host"),
                Arguments.of(List.of("--set", "postgresql.enabled=false", "--set", "externalDatabase.host=db"),
                        "no database password: set externalDatabase.password, or externalDatabase.existingSecret"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValuesFailWithAMessageThatSaysWhatToFix(List<String> values, String message) {
        List<String> args = new ArrayList<>(List.of("template", "app", TestPaths.chart().toString()));
        args.addAll(values);

        ProcessResult result = Helm.four(helmHome).run(args);

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.stderr()).contains(message);
    }

    private Helm helm(String version) {
        Function<Path, Helm> factory = version.equals("helm4") ? Helm::four : Helm::three;
        return factory.apply(helmHome);
    }
}
