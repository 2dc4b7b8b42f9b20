package dev.pbimcp.emulator.project;

/** A model file that cannot be read: the message names the file, the line and what was expected. */
public final class ModelFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelFileException(String file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
  }

  public ModelFileException(String file, String message) {
    this(file, 0, message);
  }
}
