package dev.pbimcp.auth;

/**
 * The signed-in user behind a request: who (for logs and caches) and the access token they sent,
 * kept only to exchange it On-Behalf-Of. Never logged, never sent to Power BI.
 */
public record Caller(String subject, String name, String assertion, String tenant) {

  public Caller(String subject, String name, String assertion) {
    this(subject, name, assertion, null);
  }

  /** The user as sessions and result links are bound to: tenant and object id. */
  public String owner() {
    return (tenant == null ? "" : tenant) + "/" + subject;
  }

  /** The owner of what an anonymous request opens (no sign-in: local use). */
  public static String ownerOf(Caller caller) {
    return caller == null ? "" : caller.owner();
  }

  /** Without the assertion: this string may reach a log. */
  @Override
  public String toString() {
    return "Caller[" + subject + "]";
  }
}
