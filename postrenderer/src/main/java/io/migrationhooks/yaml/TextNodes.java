package io.migrationhooks.yaml;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * snakeyaml nodes that keep their start and end as offsets into the document's text and make
 * {@link Mark}s only when asked. Two marks (and their Optionals) per node were half of what
 * composing allocated, and only the few nodes an edit touches ever need them.
 */
final class TextNodes {
  private static final int[] NO_BUFFER = new int[0];

  private TextNodes() {}

  static ScalarNode scalar(String text, int start, int end, String value, ScalarStyle style) {
    return new Scalar(text, start, end, value, style);
  }

  static MappingNode mapping(String text, int start, int end, List<NodeTuple> tuples, FlowStyle style) {
    return new Mapping(text, start, end, tuples, style);
  }

  static SequenceNode sequence(String text, int start, int end, List<Node> items, FlowStyle style) {
    return new Sequence(text, start, end, items, style);
  }

  /** The mark of a char offset: offsets are code-point offsets here, since the text has no surrogates. */
  static Optional<Mark> mark(String text, int offset) {
    int line = 0;
    int lineStart = 0;
    for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return Optional.of(new Mark("document", offset, line, offset - lineStart, NO_BUFFER, 0));
  }

  private static final class Scalar extends ScalarNode {
    private final String text;
    private final int start;
    private final int end;

    Scalar(String text, int start, int end, String value, ScalarStyle style) {
      super(Tag.STR, true, value, style, Optional.empty(), Optional.empty());
      this.text = text;
      this.start = start;
      this.end = end;
    }

    @Override
    public Optional<Mark> getStartMark() {
      return mark(text, start);
    }

    @Override
    public Optional<Mark> getEndMark() {
      return mark(text, end);
    }
  }

  private static final class Mapping extends MappingNode {
    private final String text;
    private final int start;
    private final int end;

    Mapping(String text, int start, int end, List<NodeTuple> tuples, FlowStyle style) {
      super(Tag.MAP, false, tuples, style, Optional.empty(), Optional.empty());
      this.text = text;
      this.start = start;
      this.end = end;
    }

    @Override
    public Optional<Mark> getStartMark() {
      return mark(text, start);
    }

    @Override
    public Optional<Mark> getEndMark() {
      return mark(text, end);
    }
  }

  private static final class Sequence extends SequenceNode {
    private final String text;
    private final int start;
    private final int end;

    Sequence(String text, int start, int end, List<Node> items, FlowStyle style) {
      super(Tag.SEQ, false, items, style, Optional.empty(), Optional.empty());
      this.text = text;
      this.start = start;
      this.end = end;
    }

    @Override
    public Optional<Mark> getStartMark() {
      return mark(text, start);
    }

    @Override
    public Optional<Mark> getEndMark() {
      return mark(text, end);
    }
  }
}
