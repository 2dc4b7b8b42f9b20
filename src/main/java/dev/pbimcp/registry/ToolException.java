package dev.pbimcp.registry;

/**
 * A failure the user or the model can act on (bad input, missing permission, throttling). Its
 * message becomes the text of an {@code isError} tool result, so it must say what to do next.
 */
public class ToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ToolException(String message) {
    super(message);
  }

  public ToolException(String message, Throwable cause) {
    super(message, cause);
  }
}
