package dev.pbimcp.ops;

import dev.pbimcp.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * One verdict of the connection doctor: which link of the chain it looked at, what it found, and,
 * unless it passed, the fix in one sentence. Never a secret, a token or an internal address.
 */
public record Check(String id, String title, Verdict verdict, String detail, String fix) {
  /** How a check came out, best first. */
  public enum Verdict {
    PASS,
    WARN,
    FAIL,
    SKIP
  }

  /** The worst verdict among checks that ran (a skipped check says nothing): pass when none. */
  public static Verdict worst(java.util.List<Check> checks) {
    return checks.stream()
        .map(Check::verdict)
        .filter(v -> v != Verdict.SKIP)
        .max(Enum::compareTo)
        .orElse(Verdict.PASS);
  }

  static Check pass(String id, String title, String detail) {
    return new Check(id, title, Verdict.PASS, detail, null);
  }

  static Check warn(String id, String title, String detail, String fix) {
    return new Check(id, title, Verdict.WARN, detail, fix);
  }

  static Check fail(String id, String title, String detail, String fix) {
    return new Check(id, title, Verdict.FAIL, detail, fix);
  }

  static Check skip(String id, String title, String why) {
    return new Check(id, title, Verdict.SKIP, why, null);
  }

  public JsonObject toJson() {
    JsonObjectBuilder b =
        Jsonp.createObjectBuilder()
            .add("id", id)
            .add("title", title)
            .add("verdict", verdict.name().toLowerCase(java.util.Locale.ROOT))
            .add("detail", detail);
    if (fix != null) {
      b.add("fix", fix);
    }
    return b.build();
  }
}
