package io.migrationhooks.migrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The corpus of migration scripts compared with squawk (docs/lint.md, "Side by side with squawk"):
 * our findings stay as recorded, and every squawk finding about breaking the running version or
 * about locks is ours too, or one of the differences the docs explain.
 */
class LintCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/lint-corpus");
    private static final Path DOCS = Path.of("../docs/lint.md");

    /** squawk rules about breaking the running version or about locks. */
    private static final Set<String> SQUAWK_LOCK_OR_BREAK = Set.of("adding-field-with-default",
            "adding-foreign-key-constraint", "adding-not-nullable-field", "adding-required-field",
            "adding-serial-primary-key-field", "ban-drop-column", "ban-drop-database", "ban-drop-not-null",
            "ban-drop-table", "changing-column-type", "constraint-missing-not-valid", "disallowed-unique-constraint",
            "renaming-column", "renaming-table", "require-concurrent-index-creation",
            "require-concurrent-index-deletion", "require-concurrent-reindex", "require-lock-timeout",
            "require-statement-timeout", "prefer-text-field");

    /** squawk rules about style or re-runnability, which no rollout depends on. */
    private static final Set<String> SQUAWK_STYLE = Set.of("prefer-bigint-over-int", "prefer-identity",
            "prefer-timestamp-tz", "require-enum-value-ordering", "prefer-robust-stmts");

    /** squawk lock/break findings we do not report, by rule and file ("*": every file); docs/lint.md says why. */
    private static final Map<String, Set<String>> EXPLAINED = Map.of(
            "require-lock-timeout", Set.of("*"),
            "require-statement-timeout", Set.of("*"),
            "changing-column-type", Set.of("11_widen_varchar.sql", "12_varchar_to_text.sql",
                    "13_widen_numeric_precision.sql"),
            "prefer-text-field", Set.of("11_widen_varchar.sql", "41_new_table_style.sql"),
            "ban-drop-not-null", Set.of("16_drop_not_null.sql"));

    private record SquawkFinding(String file, String rule) {
    }

    private static List<Path> pendingScripts() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve("pending"))) {
            return files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    /** Each script alone, with the baseline as applied: FILE:LINE: RULE, "(allowed)" when accepted. */
    private static List<String> ourFindings() throws IOException {
        Linter.Script baseline = new Linter.Script("baseline.sql",
                Files.readString(CORPUS.resolve("baseline.sql"), StandardCharsets.UTF_8));
        List<String> findings = new ArrayList<>();
        for (Path script : pendingScripts()) {
            String name = script.getFileName().toString();
            for (Finding finding : new Linter(Rules.ALL).lint(List.of(baseline),
                    List.of(new Linter.Script(name, Files.readString(script, StandardCharsets.UTF_8))))) {
                findings.add(name + ":" + finding.line() + ": " + finding.ruleId() + (finding.allowed() ? " (allowed)" : ""));
            }
        }
        return findings;
    }

    private static List<SquawkFinding> squawkFindings() throws IOException {
        return lines(CORPUS.resolve("squawk-2.66.0.txt")).stream().map(line -> {
            String[] parts = line.split(": ", 2);
            return new SquawkFinding(parts[0].substring(0, parts[0].lastIndexOf(':')), parts[1].strip());
        }).toList();
    }

    @Test
    void theCorpusHasAtLeastFortyScripts() throws IOException {
        assertThat(pendingScripts()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void ourFindingsAreTheRecordedOnes() throws IOException {
        assertThat(ourFindings()).containsExactlyElementsOf(lines(CORPUS.resolve("expected-findings.txt")));
    }

    @Test
    void everySquawkLockOrBreakFindingIsOursOrExplained() throws IOException {
        Set<String> filesWithOurFindings = new HashSet<>();
        for (String finding : ourFindings()) {
            filesWithOurFindings.add(finding.substring(0, finding.indexOf(':')));
        }
        List<SquawkFinding> squawk = squawkFindings();
        assertThat(squawk).as("squawk's recorded findings").isNotEmpty();
        assertThat(squawk).extracting(SquawkFinding::rule).allSatisfy(rule -> assertThat(
                SQUAWK_LOCK_OR_BREAK.contains(rule) || SQUAWK_STYLE.contains(rule))
                .as("squawk rule %s is classified (lock/break or style)", rule).isTrue());

        Set<String> unexplained = new TreeSet<>();
        Set<String> explainedAndUsed = new TreeSet<>();
        for (SquawkFinding finding : squawk) {
            if (!SQUAWK_LOCK_OR_BREAK.contains(finding.rule()) || filesWithOurFindings.contains(finding.file())) {
                continue;
            }
            Set<String> explained = EXPLAINED.getOrDefault(finding.rule(), Set.of());
            if (explained.contains("*")) {
                explainedAndUsed.add(finding.rule() + " *");
            } else if (explained.contains(finding.file())) {
                explainedAndUsed.add(finding.rule() + " " + finding.file());
            } else {
                unexplained.add(finding.file() + ": " + finding.rule());
            }
        }
        assertThat(unexplained).as("squawk lock/break findings we miss").isEmpty();
        Set<String> declared = new TreeSet<>();
        EXPLAINED.forEach((rule, files) -> files.forEach(file -> declared.add(rule + " " + file)));
        assertThat(explainedAndUsed).as("every explained difference still occurs").isEqualTo(declared);
    }

    @Test
    void theDocsNameEverySquawkRuleAndExplainEachDifference() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        assertThat(squawkFindings()).extracting(SquawkFinding::rule).allSatisfy(rule ->
                assertThat(docs).contains("`" + rule + "`"));
        EXPLAINED.forEach((rule, files) -> {
            List<String> rows = docs.lines().filter(line -> line.startsWith("| `" + rule + "`")).toList();
            assertThat(rows).as("the docs row explaining %s", rule).hasSize(1);
            files.stream().filter(file -> !file.equals("*")).forEach(file ->
                    assertThat(rows.get(0)).as("the docs row of %s names script %s", rule, file)
                            .contains(file.substring(0, 2)));
        });
    }
}
