package dev.pbimcp.auth;

import java.util.Set;

/**
 * The signed-in user behind a request: who (for logs and caches) and the access token they sent,
 * kept only to exchange it On-Behalf-Of. Never logged, never sent to Power BI.
 */
public record Caller(
    String subject, String name, String assertion, String tenant, Set<String> roles) {

  public Caller {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  public Caller(String subject, String name, String assertion, String tenant) {
    this(subject, name, assertion, tenant, Set.of());
  }

  public Caller(String subject, String name, String assertion) {
    this(subject, name, assertion, null);
  }

  /** True when Entra gave the user this app role (the token's {@code roles} claim). */
  public boolean hasRole(String role) {
    return roles.contains(role);
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
