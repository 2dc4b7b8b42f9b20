package dev.pbimcp.auth;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Carries the caller to the thread that runs the request (requests run on worker threads, where the
 * container's security context is not available).
 */
public final class CallerContext {
  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  private CallerContext() {}

  public static Optional<Caller> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs {@code work} as {@code caller} (null: anonymous), restoring what was there before. */
  public static <T> T as(Caller caller, Supplier<T> work) {
    Caller previous = CURRENT.get();
    CURRENT.set(caller);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The caller of a JAX-RS request, from its MP JWT principal; null when anonymous. */
  public static Caller of(java.security.Principal principal) {
    if (principal instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt
        && jwt.getRawToken() != null) {
      Object name = jwt.getClaim("name");
      Object tenant = jwt.getClaim("tid");
      return new Caller(
          jwt.getName(),
          name == null ? null : name.toString(),
          jwt.getRawToken(),
          tenant == null ? null : tenant.toString(),
          roles(jwt.getClaim("roles")));
    }
    return null;
  }

  /** Entra's app roles: a JSON array of names (MP JWT hands non-standard claims over as JSON). */
  private static java.util.Set<String> roles(Object claim) {
    java.util.Set<String> out = new java.util.HashSet<>();
    if (claim instanceof jakarta.json.JsonArray a) {
      for (jakarta.json.JsonValue v : a) {
        if (v instanceof jakarta.json.JsonString s) {
          out.add(s.getString());
        }
      }
    } else if (claim instanceof java.util.Collection<?> c) {
      c.forEach(v -> out.add(String.valueOf(v)));
    } else if (claim instanceof String s) {
      out.add(s);
    }
    return out;
  }
}
