package io.migrationhooks.render;

/**
 * One line render reports about a resource. A hazard note carries the id of the {@code check} rule
 * that finds the same hazard in render's output, so a CI gate on check sees it too, and
 * {@code render --strict} fails on it.
 *
 * @param hazard the check rule id, or null for a note that is not about a hazard
 * @param subject the resource's id, or null when the text names what it is about
 */
public record Note(String hazard, String subject, String text) {
  public static Note info(String subject, String text) {
    return new Note(null, subject, text);
  }

  public static Note hazard(String id, String subject, String text) {
    return new Note(id, subject, text);
  }

  public boolean isHazard() {
    return hazard != null;
  }

  /** {@code Kind/ns/name: text}, or {@code warning: Kind/ns/name: text [rule-id]} for a hazard. */
  public String line() {
    String about = subject == null ? text : subject + ": " + text;
    return isHazard() ? "warning: " + about + " [" + hazard + "]" : about;
  }
}
