package dev.pbimcp.powerbi;

/**
 * Power BI failed in a way that says nothing about the request: a 5xx, a timeout, no connection.
 * Only these count toward opening the circuit breaker.
 */
public class PowerBiUnavailableException extends PowerBiException {
  private static final long serialVersionUID = 1L;

  public PowerBiUnavailableException(Kind kind, String message, int status, String requestId) {
    super(kind, message, status, null, requestId, null);
  }
}
