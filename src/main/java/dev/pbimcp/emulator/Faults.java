package dev.pbimcp.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Faults tests inject into the emulator, N times: a status, a delay, a malformed (cut-off) body, or
 * a {@code body} of kind {@code html} (a proxy's page instead of Power BI's JSON) or {@code drop}
 * (the connection dropped halfway through the answer). Each counts the requests it answered, so a
 * test can tell how many attempts its calls made.
 */
@ApplicationScoped
public class Faults {
  /** One injected fault. */
  record Fault(
      Pattern path,
      int status,
      Integer retryAfter,
      long delayMillis,
      boolean malformed,
      String body,
      int count,
      int[] left) {

    /** How many requests this fault has answered so far. */
    int taken() {
      synchronized (this) {
        return count - left[0];
      }
    }
  }

  private final List<Fault> faults = new CopyOnWriteArrayList<>();

  void add(Fault f) {
    faults.add(f);
  }

  void clear() {
    faults.clear();
  }

  /** The faults in force, in the order they were added. */
  List<Fault> all() {
    return List.copyOf(faults);
  }

  /** The next fault for this path, counting it down. */
  Optional<Fault> take(String path) {
    for (Fault f : faults) {
      if (f.path().matcher(path).find()) {
        synchronized (f) {
          if (f.left()[0] > 0) {
            f.left()[0]--;
            return Optional.of(f);
          }
        }
      }
    }
    return Optional.empty();
  }
}
