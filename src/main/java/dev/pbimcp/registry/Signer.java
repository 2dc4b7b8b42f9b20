package dev.pbimcp.registry;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * Signs claims a client carries and sends back (a result link, a paging cursor), with the key every
 * instance shares, so that any instance can trust them and no client can forge or alter them.
 */
public interface Signer {
  String signed(JsonObject claims);

  /** The claims, or empty when forged, altered or not made by {@link #signed}. */
  Optional<JsonObject> opened(String value);
}
