package io.migrationhooks.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentEditorTest {
  private static final List<String> HOOK = List.of("metadata", "annotations", "helm.sh/hook");

  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of("inserts before the first key of an existing mapping",
            """
            metadata:
              name: x
              annotations:
                a: b # keep me
            """, HOOK, "pre-install",
            """
            metadata:
              name: x
              annotations:
                helm.sh/hook: pre-install
                a: b # keep me
            """),
        Arguments.of("creates missing intermediate mappings",
            """
            kind: Job
            metadata:
              name: x
            """, HOOK, "pre-install",
            """
            kind: Job
            metadata:
              annotations:
                helm.sh/hook: pre-install
              name: x
            """),
        Arguments.of("equal value: no change at all",
            """
            metadata:
              annotations: {helm.sh/hook: pre-install}   # odd but right
            """, HOOK, "pre-install",
            """
            metadata:
              annotations: {helm.sh/hook: pre-install}   # odd but right
            """),
        Arguments.of("other value: only the value is replaced",
            """
            metadata:
              annotations:
                helm.sh/hook: 'post-install' # comment
            """, HOOK, "pre-install",
            """
            metadata:
              annotations:
                helm.sh/hook: pre-install # comment
            """),
        Arguments.of("number-looking string is quoted, a plain number replaced",
            """
            metadata:
              annotations:
                helm.sh/hook-weight: -5
            """, List.of("metadata", "annotations", "helm.sh/hook-weight"), "-5",
            """
            metadata:
              annotations:
                helm.sh/hook-weight: "-5"
            """),
        Arguments.of("null value becomes a mapping",
            """
            metadata:
              annotations: null # none
              name: x
            """, HOOK, "pre-install",
            """
            metadata:
              annotations:
                helm.sh/hook: pre-install # none
              name: x
            """),
        Arguments.of("empty value becomes a mapping",
            """
            metadata:
              annotations:
              name: x
            """, HOOK, "pre-install",
            """
            metadata:
              annotations:
                helm.sh/hook: pre-install
              name: x
            """),
        Arguments.of("empty flow mapping",
            """
            metadata:
              annotations: {}
            """, HOOK, "pre-install",
            """
            metadata:
              annotations: {"helm.sh/hook": "pre-install"}
            """),
        Arguments.of("JSON document stays JSON",
            """
            {"kind": "Job", "metadata": {"name": "x"}}
            """, HOOK, "pre-install",
            """
            {"kind": "Job", "metadata": {"name": "x", "annotations": {"helm.sh/hook": "pre-install"}}}
            """),
        Arguments.of("mapping inside a sequence item",
            """
            items:
              - name: x
                image: y
            metadata:
              name: z
            """, List.of("metadata", "labels", "a"), "b",
            """
            items:
              - name: x
                image: y
            metadata:
              labels:
                a: b
              name: z
            """),
        Arguments.of("block scalar value replaced without eating the next line",
            """
            metadata:
              annotations:
                helm.sh/hook: |
                  post-install
              name: x
            """, HOOK, "pre-install",
            """
            metadata:
              annotations:
                helm.sh/hook: pre-install
              name: x
            """),
        Arguments.of("CRLF stays CRLF",
            "metadata:\r\n  name: x\r\n", HOOK, "pre-install",
            "metadata:\r\n  annotations:\r\n    helm.sh/hook: pre-install\r\n  name: x\r\n"),
        Arguments.of("four-space indentation keeps the key column",
            """
            metadata:
                name: x
            """, HOOK, "a b",
            """
            metadata:
                annotations:
                  helm.sh/hook: "a b"
                name: x
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void editsOnlyWhatItMust(String name, String input, List<String> path, String value, String expected) {
    Document document = YamlStream.parse(input, Limits.DEFAULT).get(0);

    String edited = new DocumentEditor(document, "Job/x").set(path, value).apply();

    assertThat(edited).isEqualTo(expected);
  }

  @Test
  void severalNewKeysOfOneMappingGoInOneInsertionInTheOrderSet() {
    Document document = YamlStream.parse("metadata:\n  name: x\n", Limits.DEFAULT).get(0);
    DocumentEditor editor = new DocumentEditor(document, "Job/x")
        .set(List.of("metadata", "annotations", "b"), "2")
        .set(List.of("metadata", "annotations", "a"), "1");

    assertThat(editor.edits()).hasSize(1);
    assertThat(editor.apply()).isEqualTo("metadata:\n  annotations:\n    b: \"2\"\n    a: \"1\"\n  name: x\n");
  }

  @Test
  void mergesGeneratedMappingsKeyByKey() {
    Document document = YamlStream.parse("""
        spec:
          strategy:
            type: Recreate # was
          replicas: 2
        """, Limits.DEFAULT).get(0);
    Map<String, Object> rolling = new LinkedHashMap<>();
    rolling.put("maxUnavailable", 0);
    rolling.put("maxSurge", "25%");
    Map<String, Object> strategy = new LinkedHashMap<>();
    strategy.put("type", "RollingUpdate");
    strategy.put("rollingUpdate", rolling);

    String edited = new DocumentEditor(document, "Deployment/x").set(List.of("spec", "strategy"), strategy).apply();

    assertThat(edited).isEqualTo("""
        spec:
          strategy:
            rollingUpdate:
              maxUnavailable: 0
              maxSurge: "25%"
            type: RollingUpdate # was
          replicas: 2
        """);
  }

  @Test
  void integersMatchPlainScalarsOnly() {
    Document document = YamlStream.parse("spec:\n  a: 1\n  b: \"1\"\n", Limits.DEFAULT).get(0);
    DocumentEditor editor = new DocumentEditor(document, "x")
        .set(List.of("spec", "a"), 1)
        .set(List.of("spec", "b"), 1);

    assertThat(editor.apply()).isEqualTo("spec:\n  a: 1\n  b: 1\n");
  }

  @Test
  void refusesToEditThroughAnchorsAliasesAndMergeKeys() {
    String aliased = "common: &c {a: b}\nmetadata:\n  annotations: *c\n";
    String merged = "common: &c {a: b}\nmetadata:\n  annotations:\n    <<: *c\n";

    assertThatThrownBy(() -> edit(aliased, HOOK, "x"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("Job/x").hasMessageContaining("metadata.annotations is shared through a YAML anchor");
    assertThatThrownBy(() -> edit(merged, HOOK, "x"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("merge key");
  }

  @Test
  void aDuplicateKeyIsEditedWhereItWinsTheLastOne() {
    String input = "metadata:\n  annotations: {a: b}\n  annotations: {c: d}\n";

    assertThat(edit(input, HOOK, "x")).isEqualTo("metadata:\n  annotations: {a: b}\n  annotations: {c: d, \"helm.sh/hook\": \"x\"}\n");
  }

  @Test
  void refusesExplicitKeysWhereItMustInsert() {
    assertThatThrownBy(() -> edit("metadata:\n  ? name\n  : x\n", HOOK, "x"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("metadata uses explicit keys (?)");
  }

  @Test
  void refusesAValueThatIsNotAMapping() {
    assertThatThrownBy(() -> edit("metadata:\n  annotations: [a]\n", HOOK, "x"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("Job/x (document 1, line 2, column 16): metadata.annotations is not a mapping");
  }

  private static final List<String> WEIGHT = List.of("metadata", "annotations", "helm.sh/hook-weight");

  static Stream<Arguments> removals() {
    return Stream.of(
        Arguments.of("a middle entry goes with its comment, its neighbours stay byte for byte",
            """
            metadata:
              annotations:
                a: 'x'   # a
                helm.sh/hook: pre-install # hook
                b: "y"
              name: x
            """,
            """
            metadata:
              annotations:
                a: 'x'   # a
                b: "y"
              name: x
            """),
        Arguments.of("the last entry goes with its whole line",
            """
            metadata:
              annotations:
                a: x
                helm.sh/hook: pre-install
              name: x
            """,
            """
            metadata:
              annotations:
                a: x
              name: x
            """),
        Arguments.of("the first entry: the next key takes its place",
            """
            metadata:
              annotations:
                helm.sh/hook: pre-install
                a: x
            """,
            """
            metadata:
              annotations:
                a: x
            """),
        Arguments.of("a run of entries at the end, one a block scalar",
            """
            metadata:
              annotations:
                a: x
                helm.sh/hook: |
                  pre-install
                helm.sh/hook-weight: "5"
            spec: {}
            """,
            """
            metadata:
              annotations:
                a: x
            spec: {}
            """),
        Arguments.of("a mapping left without entries becomes {}",
            """
            metadata:
              annotations:
                helm.sh/hook-weight: "5"  # only one
                helm.sh/hook: pre-install
              name: x
            """,
            """
            metadata:
              annotations: {}
              name: x
            """),
        Arguments.of("duplicate keys all go",
            """
            metadata:
              annotations:
                helm.sh/hook: a
                b: c
                helm.sh/hook: d
            """,
            """
            metadata:
              annotations:
                b: c
            """),
        Arguments.of("flow mapping: middle and last entries",
            """
            metadata:
              annotations: {a: x, helm.sh/hook: pre-install, b: y, "helm.sh/hook-weight": "5"}
            """,
            """
            metadata:
              annotations: {a: x, b: y}
            """),
        Arguments.of("flow mapping: every entry",
            """
            metadata: {annotations: {helm.sh/hook: pre-install, helm.sh/hook-weight: "5"}, name: x}
            """,
            """
            metadata: {annotations: {}, name: x}
            """),
        Arguments.of("JSON spread over lines",
            """
            {
              "metadata": {
                "annotations": {
                  "helm.sh/hook": "pre-install",
                  "a": "x",
                  "helm.sh/hook-weight": "5"
                }
              }
            }
            """,
            """
            {
              "metadata": {
                "annotations": {
                  "a": "x"
                }
              }
            }
            """),
        Arguments.of("CRLF line breaks stay",
            "metadata:\r\n  annotations:\r\n    a: x\r\n    helm.sh/hook: pre-install\r\n  name: x\r\n",
            "metadata:\r\n  annotations:\r\n    a: x\r\n  name: x\r\n"),
        Arguments.of("a missing key: no edit",
            """
            metadata:
              annotations: {a: x}
            """,
            """
            metadata:
              annotations: {a: x}
            """),
        Arguments.of("a missing mapping on the way is not created",
            """
            metadata:
              name: x
            """,
            """
            metadata:
              name: x
            """),
        Arguments.of("a scalar on the way holds nothing to remove",
            """
            metadata:
              annotations: ~
            """,
            """
            metadata:
              annotations: ~
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("removals")
  void removesOnlyTheEntry(String name, String input, String expected) {
    Document document = YamlStream.parse(input, Limits.DEFAULT).get(0);

    String edited = new DocumentEditor(document, "Job/x").remove(HOOK).remove(WEIGHT).apply();

    assertThat(edited).isEqualTo(expected);
  }

  static Stream<Arguments> removalsWithNewKeys() {
    return Stream.of(
        Arguments.of("block: first key removed, new keys take its place",
            "metadata:\n  annotations:\n    helm.sh/hook: x\n    a: b\n",
            "metadata:\n  annotations:\n    argocd.argoproj.io/hook: Sync\n    a: b\n"),
        Arguments.of("block: last key removed",
            "metadata:\n  annotations:\n    a: b\n    helm.sh/hook: x\n  name: n\n",
            "metadata:\n  annotations:\n    argocd.argoproj.io/hook: Sync\n    a: b\n  name: n\n"),
        Arguments.of("block: every key removed",
            "metadata:\n  annotations:\n    helm.sh/hook: x # c\n  name: n\n",
            "metadata:\n  annotations:\n    argocd.argoproj.io/hook: Sync # c\n  name: n\n"),
        Arguments.of("flow: last key removed",
            "metadata: {annotations: {a: b, helm.sh/hook: x}}\n",
            "metadata: {annotations: {a: b, \"argocd.argoproj.io/hook\": \"Sync\"}}\n"),
        Arguments.of("flow: every key removed",
            "metadata: {annotations: {helm.sh/hook: x}}\n",
            "metadata: {annotations: {\"argocd.argoproj.io/hook\": \"Sync\"}}\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("removalsWithNewKeys")
  void removesAndInsertsInOneMapping(String name, String input, String expected) {
    Document document = YamlStream.parse(input, Limits.DEFAULT).get(0);

    String edited = new DocumentEditor(document, "Job/x")
        .remove(HOOK)
        .set(List.of("metadata", "annotations", "argocd.argoproj.io/hook"), "Sync")
        .apply();

    assertThat(edited).isEqualTo(expected);
  }

  @Test
  void removingTwiceChangesNothingMore() {
    String once = new DocumentEditor(YamlStream.parse("metadata:\n  annotations:\n    helm.sh/hook: x\n    a: b\n",
        Limits.DEFAULT).get(0), "Job/x").remove(HOOK).apply();

    DocumentEditor again = new DocumentEditor(YamlStream.parse(once, Limits.DEFAULT).get(0), "Job/x").remove(HOOK);

    assertThat(again.edits()).isEmpty();
    assertThat(again.apply()).isEqualTo(once);
  }

  @Test
  void refusesToRemoveAnAnchoredValueOrThroughAMergeKey() {
    String anchored = "metadata:\n  annotations:\n    helm.sh/hook: &h x\n    b: *h\n";
    String merged = "common: &c {helm.sh/hook: x}\nmetadata:\n  annotations:\n    <<: *c\n";

    assertThatThrownBy(() -> new DocumentEditor(YamlStream.parse(anchored, Limits.DEFAULT).get(0), "Job/x").remove(HOOK).apply())
        .isInstanceOf(BadInputException.class).hasMessageContaining("Job/x").hasMessageContaining("anchor");
    assertThatThrownBy(() -> new DocumentEditor(YamlStream.parse(merged, Limits.DEFAULT).get(0), "Job/x").remove(HOOK).apply())
        .isInstanceOf(BadInputException.class).hasMessageContaining("merge key");
  }

  private static String edit(String input, List<String> path, String value) {
    return new DocumentEditor(YamlStream.parse(input, Limits.DEFAULT).get(0), "Job/x").set(path, value).apply();
  }
}
