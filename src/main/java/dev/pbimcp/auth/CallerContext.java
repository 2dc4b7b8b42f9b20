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
          tenant == null ? null : tenant.toString());
    }
    return null;
  }
}
