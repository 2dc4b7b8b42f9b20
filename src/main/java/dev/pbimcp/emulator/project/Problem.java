package dev.pbimcp.emulator.project;

/** Something of a model that was read but is not served, with where it is written and why. */
public record Problem(String file, int line, String message) {
  static Problem at(ModelNode n, String message) {
    return new Problem(n.file, n.line, message);
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
