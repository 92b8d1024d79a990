package io.migrationhooks.yaml;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Hands snakeyaml's composer its events and counts how deeply collections nest, refusing the first
 * collection past the limit before the composer recurses into it. The composer recurses once per
 * level: without a count, how deep a document may nest would depend on the thread's stack and on
 * JIT timing, so the same input could pass on one run and fail on the next.
 */
final class NestingLimitedParser implements Parser {
  private final Parser parser;
  private final int maxDepth;
  private int depth;

  NestingLimitedParser(Parser parser, int maxDepth) {
    this.parser = parser;
    this.maxDepth = maxDepth;
  }

  /** Thrown at the collection that nests one level too deep; the caller names the document. */
  static final class TooDeep extends RuntimeException {
    private final transient Event event;

    TooDeep(Event event) {
      super(null, null, false, false);
      this.event = event;
    }

    Event event() {
      return event;
    }
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event event = parser.next();
    switch (event.getEventId()) {
      case SequenceStart, MappingStart -> {
        if (++depth > maxDepth) {
          throw new TooDeep(event);
        }
      }
      case SequenceEnd, MappingEnd -> depth--;
      default -> { }
    }
    return event;
  }
}
