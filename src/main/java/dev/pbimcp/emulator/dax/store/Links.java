package dev.pbimcp.emulator.dax.store;

import java.util.HashSet;
import java.util.Set;

/**
 * Which relationships carry filters here: the active ones, except those CROSSFILTER(…, NONE)
 * switched off, with USERELATIONSHIP's choices replacing the active one between the same tables.
 */
public record Links(Set<RelationshipStore> used, Set<RelationshipStore> off) {
  public static final Links DEFAULT = new Links(Set.of(), Set.of());

  public Links use(RelationshipStore r) {
    Set<RelationshipStore> u = new HashSet<>(used);
    u.add(r);
    Set<RelationshipStore> o = new HashSet<>(off);
    o.remove(r);
    return new Links(Set.copyOf(u), Set.copyOf(o));
  }

  public Links switchOff(RelationshipStore r) {
    Set<RelationshipStore> o = new HashSet<>(off);
    o.add(r);
    Set<RelationshipStore> u = new HashSet<>(used);
    u.remove(r);
    return new Links(Set.copyOf(u), Set.copyOf(o));
  }

  boolean carries(RelationshipStore r, Iterable<RelationshipStore> all) {
    if (off.contains(r)) {
      return false;
    }
    if (used.contains(r)) {
      return true;
    }
    if (!r.active()) {
      return false;
    }
    for (RelationshipStore u : used) {
      if (u.from().table() == r.from().table() && u.to().table() == r.to().table()) {
        return false;
      }
    }
    return true;
  }
}
