package dev.pbimcp.powerbi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * At most one token exchange with Entra per key at a time: callers that ask while one runs wait for
 * it and get its token or its failure. MSAL4J's cache answers only once an exchange has ended, so
 * callers asking at once on a fresh key each went to Entra.
 */
final class SharedExchange {
  private final ConcurrentHashMap<String, CompletableFuture<String>> running =
      new ConcurrentHashMap<>();

  /** The token for {@code key}: from the exchange under way, or from {@code exchange} run here. */
  String token(String key, Supplier<String> exchange) {
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> other = running.putIfAbsent(key, mine);
    if (other != null) {
      return await(other);
    }
    try {
      String token = exchange.get();
      mine.complete(token);
      return token;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(key, mine);
    }
  }

  private static String await(CompletableFuture<String> other) {
    try {
      return other.get();
    } catch (ExecutionException e) {
      // Only what token() completes the future with: a RuntimeException or an Error.
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PowerBiException.cancelled();
    }
  }
}
