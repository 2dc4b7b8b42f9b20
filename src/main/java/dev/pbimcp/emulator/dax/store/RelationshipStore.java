package dev.pbimcp.emulator.dax.store;

import java.util.HashMap;
import java.util.Map;

/** A many-to-one relationship with the one-side row of every many-side row (-1: blank row). */
public final class RelationshipStore {
  private final ColumnStore from;
  private final ColumnStore to;
  private final boolean active;
  private final boolean bothDirections;
  private final int[] byFromId;

  RelationshipStore(ColumnStore from, ColumnStore to, boolean active, boolean bothDirections) {
    this.from = from;
    this.to = to;
    this.active = active;
    this.bothDirections = bothDirections;
    Map<Integer, Integer> keyRow = new HashMap<>();
    for (int r = 0; r < to.table().rowCount(); r++) {
      keyRow.putIfAbsent(to.id(r), r);
    }
    // Translate through values once per distinct from-id, not once per row.
    byFromId = new int[from.distinctCount() + 1];
    byFromId[0] = -1;
    for (int id = 1; id < byFromId.length; id++) {
      int toId = to.idOf(from.valueOf(id));
      Integer row = toId <= 0 ? null : keyRow.get(toId);
      byFromId[id] = row == null ? -1 : row;
    }
    for (int r = 0; r < from.table().rowCount() && active && !to.table().blankRow; r++) {
      if (byFromId[from.id(r)] < 0) {
        to.table().blankRow = true;
      }
    }
  }

  public ColumnStore from() {
    return from;
  }

  public ColumnStore to() {
    return to;
  }

  public boolean active() {
    return active;
  }

  public boolean bothDirections() {
    return bothDirections;
  }

  /** The one-side row of a many-side row, -1 for the blank row. */
  public int target(int row) {
    return byFromId[from.id(row)];
  }

  @Override
  public String toString() {
    return from.qualified() + " -> " + to.qualified();
  }
}
