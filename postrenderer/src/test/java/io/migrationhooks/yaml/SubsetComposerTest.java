package io.migrationhooks.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.migrationhooks.render.RandomizedRenderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The subset composer against snakeyaml, document by document: whenever it accepts a document, its
 * tree must equal snakeyaml's in every node, value, style and position; it must refuse whatever
 * snakeyaml rejects. Corpora: every YAML file of the test resources and golden files, 300 randomized
 * streams, and thousands of random mutations of all of them (fixed seeds: failures reproduce).
 */
class SubsetComposerTest {
  private static final LoadSettings SNAKEYAML = LoadSettings.builder()
      .setLabel("document").setSchema(new RawSchema()).setUseMarks(true).setParseComments(false)
      .setAllowDuplicateKeys(true).setMaxAliasesForCollections(50).build();

  @Test
  void acceptsEveryDocumentOfRealChartOutputAndComposesSnakeyamlsTree() {
    for (String file : List.of("yaml-subset/bench-apps.yaml", "fixtures/helm4-captured/input.yaml", "fixtures/helm4-chart/input.yaml")) {
      List<String> documents = documents(read(Path.of("src/test/resources", file)));
      for (String raw : documents) {
        Node expected = snakeyaml(raw);
        Node actual = SubsetComposer.compose(raw);
        assertThat(actual).as("%s: refused%n%s", file, raw).isNotNull();
        assertSameTree(actual, expected, raw, "$");
      }
      assertThat(documents).as(file).hasSizeGreaterThan(2);
    }
  }

  @Test
  void matchesSnakeyamlOnEveryCorpusDocument() {
    int accepted = 0;
    int total = 0;
    for (String raw : corpusDocuments()) {
      total++;
      accepted += compare(raw) ? 1 : 0;
    }
    assertThat(accepted).as("documents composed by the subset composer, of %d", total).isGreaterThan(total / 2);
  }

  @Test
  void matchesSnakeyamlOrRefusesOnMutatedDocuments() {
    List<String> corpus = corpusDocuments();
    Random random = new Random(7);
    int accepted = 0;
    int rejectedBySnakeyaml = 0;
    for (int i = 0; i < 20_000; i++) {
      String mutated = mutate(corpus.get(random.nextInt(corpus.size())), random);
      Node expected = snakeyamlOrNull(mutated);
      Node actual = SubsetComposer.compose(mutated);
      if (expected == null) {
        rejectedBySnakeyaml++;
        if (actual != null) {
          fail("accepted a document snakeyaml rejects:\n" + mutated);
        }
      } else if (actual != null) {
        accepted++;
        assertSameTree(actual, expected, mutated, "$");
      }
    }
    assertThat(accepted).as("mutants accepted").isGreaterThan(2_000);
    assertThat(rejectedBySnakeyaml).as("mutants snakeyaml rejects").isGreaterThan(1_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "a: b\n  c\n",
      "a: \"b\n  c\"\n",
      "a:\tb\n",
      "a: b\r\n",
      "? a\n: b\n",
      "a: |2\n   b\n",
      "- a\n- b\n",
      "a\n",
      "",
      "# only a comment\n",
      "a: b: c\n",
      "a: [b,\n  c]\n",
      "a: {b}\n",
      "a: [b, ]\n",
      "a: \"\\U0001F600\"\n",
      "a: \"\uD83D\uDE00\"\n",
      "%YAML 1.2\n---\na: b\n",
      "--- a\n",
      "a: b\n...\n",
  })
  void refusesWhatItDoesNotCover(String raw) {
    assertThat(SubsetComposer.compose(raw)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a: b\n",
      "# Source: chart/templates/x.yaml\n---\napiVersion: v1\nkind: ConfigMap\n",
      "a:\n  b: c\n  d:\n  - e\n  - f: g\n    h: \"i\\\"j\\u00e9\"\n",
      "a:\n- b\n-\n- c: d\ne: 'it''s'\n",
      "a: |\n  x\n\n   y\n  z\n\nb: >-\n  p\n  q\n\n  r\n    s\n  t\nc: |+\n  keep\n\n\n",
      "a: {b: c, 'd': \"e\", f: [g, -h, {i: j}]}   # comment\nk: []\nl: {}\n",
      "  a: 1\n  b:\n    - 2\n",
      "a:    # note\n  # more\n  b: 1 # one\n\n# end\n",
      "a: |\n",
      "a: >\n\n  x\n",
      "a: -XX:+Flag http://x/y#z a:b\n",
      "\"quoted key\" : v\n",
  })
  void composesSnakeyamlsTreeForWhatItCovers(String raw) {
    Node actual = SubsetComposer.compose(raw);
    assertThat(actual).as("refused:%n%s", raw).isNotNull();
    assertSameTree(actual, snakeyaml(raw), raw, "$");
  }

  /** Compares where the subset composer accepts; returns whether it did. */
  private static boolean compare(String raw) {
    Node actual = SubsetComposer.compose(raw);
    if (actual == null) {
      return false;
    }
    Node expected = snakeyamlOrNull(raw);
    if (expected == null) {
      fail("accepted a document snakeyaml rejects:\n" + raw);
    }
    assertSameTree(actual, expected, raw, "$");
    return true;
  }

  private static void assertSameTree(Node actual, Node expected, String raw, String path) {
    String where = path + " in:\n" + raw;
    assertThat(actual.getNodeType()).as("node type at %s", where).isEqualTo(expected.getNodeType());
    assertThat(actual.getTag()).as("tag at %s", where).isEqualTo(expected.getTag());
    assertThat(actual.getAnchor()).as("anchor at %s", where).isEqualTo(expected.getAnchor());
    assertThat(position(actual.getStartMark())).as("start at %s", where).isEqualTo(position(expected.getStartMark()));
    assertThat(position(actual.getEndMark())).as("end at %s", where).isEqualTo(position(expected.getEndMark()));
    if (actual instanceof ScalarNode scalar) {
      ScalarNode want = (ScalarNode) expected;
      assertThat(scalar.getValue()).as("value at %s", where).isEqualTo(want.getValue());
      assertThat(scalar.getScalarStyle()).as("style at %s", where).isEqualTo(want.getScalarStyle());
      return;
    }
    assertThat(((CollectionNode<?>) actual).getFlowStyle()).as("flow style at %s", where)
        .isEqualTo(((CollectionNode<?>) expected).getFlowStyle());
    if (actual instanceof SequenceNode sequence) {
      List<Node> want = ((SequenceNode) expected).getValue();
      assertThat(sequence.getValue()).as("items at %s", where).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        assertSameTree(sequence.getValue().get(i), want.get(i), raw, path + "[" + i + "]");
      }
    } else {
      List<NodeTuple> want = ((MappingNode) expected).getValue();
      List<NodeTuple> got = ((MappingNode) actual).getValue();
      assertThat(got).as("entries at %s", where).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        String child = path + "." + YamlNodes.scalar(want.get(i).getKeyNode());
        assertSameTree(got.get(i).getKeyNode(), want.get(i).getKeyNode(), raw, child + "(key)");
        assertSameTree(got.get(i).getValueNode(), want.get(i).getValueNode(), raw, child);
      }
    }
  }

  private static String position(Optional<Mark> mark) {
    return mark.map(m -> m.getIndex() + "@" + m.getLine() + ":" + m.getColumn()).orElse("none");
  }

  private static Node snakeyaml(String raw) {
    Iterator<Node> nodes = new Compose(SNAKEYAML).composeAllFromString(raw).iterator();
    Node root = nodes.hasNext() ? nodes.next() : null;
    assertThat(nodes.hasNext()).as("one document").isFalse();
    return root;
  }

  /** snakeyaml's tree, or null when it rejects the text or it is not exactly one document. */
  private static Node snakeyamlOrNull(String raw) {
    try {
      Iterator<Node> nodes = new Compose(SNAKEYAML).composeAllFromString(raw).iterator();
      Node root = nodes.hasNext() ? nodes.next() : null;
      return nodes.hasNext() ? null : root;
    } catch (YamlEngineException | StackOverflowError e) {
      return null;
    }
  }

  /** One edit at a random place: a character YAML cares about inserted, a character or line removed, a line re-indented. */
  private static String mutate(String raw, Random random) {
    if (raw.isEmpty()) {
      return raw;
    }
    String interesting = " :-#'\"|>{}[],&*!?\n\\+0";
    int at = random.nextInt(raw.length());
    int lineStart = raw.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
    int lineEnd = raw.indexOf('\n', at);
    lineEnd = lineEnd < 0 ? raw.length() : lineEnd + 1;
    return switch (random.nextInt(6)) {
      case 0, 1 -> raw.substring(0, at) + interesting.charAt(random.nextInt(interesting.length())) + raw.substring(at);
      case 2 -> raw.substring(0, at) + raw.substring(at + 1);
      case 3 -> raw.substring(0, lineStart) + raw.substring(lineEnd);
      case 4 -> raw.substring(0, lineStart) + " ".repeat(1 + random.nextInt(2)) + raw.substring(lineStart);
      default -> raw.startsWith(" ", lineStart) ? raw.substring(0, lineStart) + raw.substring(lineStart + 1) : raw.substring(0, at) + " #x" + raw.substring(at);
    };
  }

  private static List<String> corpusDocuments() {
    List<String> documents = new ArrayList<>();
    for (Path file : yamlFiles(Path.of("src/test/resources"), Path.of("../golden-files"))) {
      documents.addAll(documents(read(file)));
    }
    for (int seed = 0; seed < 300; seed++) {
      documents.addAll(documents(RandomizedRenderTest.stream(new Random(seed))));
    }
    return documents;
  }

  private static List<String> documents(String stream) {
    return YamlStream.split(stream).stream().map(chunk -> stream.substring(chunk.start(), chunk.end())).toList();
  }

  private static List<Path> yamlFiles(Path... roots) {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(files).hasSizeGreaterThan(20);
    return files;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
