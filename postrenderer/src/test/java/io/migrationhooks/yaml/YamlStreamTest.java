package io.migrationhooks.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;

class YamlStreamTest {

  static Stream<Arguments> streams() {
    return Stream.of(
        Arguments.of("empty input", "", List.of()),
        Arguments.of("single document without marker", "a: 1\n", List.of("a: 1\n")),
        Arguments.of("leading comment stays with first document", "# c\n---\na: 1\n---\nb: 2\n",
            List.of("# c\n---\na: 1\n", "---\nb: 2\n")),
        Arguments.of("comment between documents stays with previous", "a: 1\n# trailing\n---\nb: 2",
            List.of("a: 1\n# trailing\n", "---\nb: 2")),
        Arguments.of("empty documents", "---\n---\na: 1\n", List.of("---\n", "---\na: 1\n")),
        Arguments.of("document end marker", "a: 1\n...\n---\nb: 2\n", List.of("a: 1\n...\n", "---\nb: 2\n")),
        Arguments.of("content on the marker line", "--- {a: 1}\n--- |\n  text\n", List.of("--- {a: 1}\n", "--- |\n  text\n")),
        Arguments.of("dashes inside a value are not markers", "a: ---\nb: |\n  ---x\n---x: 1\n",
            List.of("a: ---\nb: |\n  ---x\n---x: 1\n")),
        Arguments.of("CRLF", "a: 1\r\n---\r\nb: 2\r\n", List.of("a: 1\r\n", "---\r\nb: 2\r\n")),
        Arguments.of("directive stays with its document", "a: 1\n...\n%YAML 1.2\n---\nb: 2\n",
            List.of("a: 1\n...\n", "%YAML 1.2\n---\nb: 2\n")),
        Arguments.of("byte order mark", "\uFEFFa: 1\n---\nb: 2\n", List.of("\uFEFFa: 1\n", "---\nb: 2\n")),
        Arguments.of("comment-only tail", "a: 1\n---\n# end\n", List.of("a: 1\n", "---\n# end\n")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void splitsIntoRawDocumentsThatConcatenateToTheInput(String name, String input, List<String> expected) {
    List<Document> documents = YamlStream.parse(input, Limits.DEFAULT);

    assertThat(documents).extracting(Document::rawText).containsExactlyElementsOf(expected);
    assertThat(String.join("", documents.stream().map(Document::rawText).toList())).isEqualTo(input);
  }

  @Test
  void numbersDocumentsAndTracksTheirStreamLine() {
    List<Document> documents = YamlStream.parse("# c\na: 1\n---\n\nb: 2\n---\n", Limits.DEFAULT);

    assertThat(documents).extracting(Document::index).containsExactly(1, 2, 3);
    assertThat(documents).extracting(Document::startLine).containsExactly(1, 3, 6);
    assertThat(documents.get(0).root()).isInstanceOf(MappingNode.class);
    assertThat(documents.get(2).root()).isNull();
  }

  @Test
  void commentOnlyAndNullDocumentsHaveNoRoot() {
    List<Document> documents = YamlStream.parse("a: 1\n---\n# only a comment\n---\nnull\n--- ~\n", Limits.DEFAULT);

    assertThat(documents).extracting(Document::isEmpty).containsExactly(false, true, true, true);
  }

  @Test
  void syntaxErrorNamesDocumentAndStreamLineButNoData() {
    String input = "a: 1\n---\nkind: Secret\nstringData:\n  password: \"hunter2\n";

    assertThatThrownBy(() -> YamlStream.parse(input, Limits.DEFAULT))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("document 2, line ")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void errorLineCountsFromTheStreamStart() {
    String input = "a: 1\n---\nb: 2\nc: [\n";

    assertThatThrownBy(() -> YamlStream.parse(input, Limits.DEFAULT))
        .hasMessageMatching("document 2, line 5, column \\d+: invalid YAML.*");
  }

  @Test
  void rejectsNulBytesAndInvalidUtf8WithTheLine() {
    byte[] nul = "a: 1\nb: \0\n".getBytes(StandardCharsets.UTF_8);
    byte[] invalid = {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, '\n'};

    assertThatThrownBy(() -> YamlStream.decode(nul, Limits.DEFAULT)).hasMessage("input is not UTF-8 text (line 2)");
    assertThatThrownBy(() -> YamlStream.decode(invalid, Limits.DEFAULT)).hasMessage("input is not UTF-8 text (line 2)");
  }

  @Test
  void boundsDocumentSize() {
    String input = "a: 1\n---\nb: " + "x".repeat(200) + "\n";

    assertThatThrownBy(() -> YamlStream.parse(input, Limits.DEFAULT.withMaxDocumentBytes(100)))
        .hasMessage("document 2, line 2: larger than 100 bytes (see --max-document-bytes)");
  }

  @Test
  void boundsAliasExpansion() {
    StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      String alias = "*" + (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, alias))).append("]\n");
    }
    assertThatThrownBy(() -> YamlStream.parse(bomb.toString(), Limits.DEFAULT))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("document 1");
  }

  @Test
  void positionsAreCharOffsetsEvenAfterCharactersOutsideTheBmp() {
    String input = "note: \"\uD83D\uDE00\uD83D\uDE00\"\nkind: Job\n";
    Document document = YamlStream.parse(input, Limits.DEFAULT).get(0);
    MappingNode root = (MappingNode) document.root();

    int start = document.startOffset(root.getValue().get(1).getValueNode());
    assertThat(input.substring(start, start + 3)).isEqualTo("Job");
  }

  @Test
  void releasedDocumentParsesAnEqualTreeOnEveryUseAndKeepsNone() {
    List<Document> documents = YamlStream.parse("a: é\n---\n---\n- 1\n", Limits.DEFAULT, document -> {
      document.releaseTree();
      return document;
    });

    Document mapping = documents.get(0);
    assertThat(mapping.isMapping()).isTrue();
    assertThat(mapping.root()).isNotSameAs(mapping.root());
    assertThat(YamlNodes.stringAt(mapping.root(), "a")).isEqualTo("é");
    assertThat(mapping.endOffset(mapping.root())).isEqualTo(mapping.rawText().length());
    assertThat(documents.get(1).isEmpty()).isTrue();
    assertThat(documents.get(1).root()).isNull();
    assertThat(documents.get(2).isMapping()).isFalse();
    assertThat(documents.get(2).isEmpty()).isFalse();
  }

  @Test
  void longStreamParsedOnSeveralThreadsKeepsStreamOrderAndReportsTheFirstBadDocument() {
    StringBuilder stream = new StringBuilder();
    for (int i = 1; i <= 1000; i++) {
      stream.append("---\nkind: ConfigMap\nmetadata:\n  name: c").append(i).append('\n');
    }
    List<String> names = YamlStream.parse(stream.toString(), Limits.DEFAULT,
        document -> YamlNodes.stringAt(document.root(), "metadata", "name"));
    assertThat(names).hasSize(1000).startsWith("c1", "c2").endsWith("c999", "c1000");

    String bad = stream.toString().replace("name: c400\n", "name: [c400\n").replace("name: c900\n", "name: {c900\n");
    assertThatThrownBy(() -> YamlStream.parse(bad, Limits.DEFAULT, document -> document))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("document 400, line 1601");
  }
}
