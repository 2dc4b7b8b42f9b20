package dev.pbimcp.auth;

/**
 * The signed-in user behind a request: who (for logs and caches) and the access token they sent,
 * kept only to exchange it On-Behalf-Of. Never logged, never sent to Power BI.
 */
public record Caller(String subject, String name, String assertion) {

  /** Without the assertion: this string may reach a log. */
  @Override
  public String toString() {
    return "Caller[" + subject + "]";
  }
}
