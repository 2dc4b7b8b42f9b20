package dev.pbimcp.emulator.dax.store;

import dev.pbimcp.emulator.dax.DaxException;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole model in column-store form, with expanded-table maps: for a table and a table on the one
 * side of it (directly or along a chain of many-to-one relationships), the row reached from each
 * row. Immutable once built; maps are computed on first use and shared by every query.
 */
public final class ModelStore {
  private final Model definition;
  private final List<TableStore> tables;
  private final List<RelationshipStore> relationships;
  private final TableStore dateTable;
  private final Map<Links, Map<List<TableStore>, RowMap>> maps = new ConcurrentHashMap<>();
  private static final RowMap NONE = r -> -1;

  private ModelStore(Model m) {
    // The store holds the data; the definition keeps only the schema.
    this.definition =
        new Model(
            m.tables().stream().map(t -> t.with(t.columns(), List.of())).toList(),
            m.measures(),
            m.relationships(),
            m.dateTable(),
            m.roles());
    List<TableStore> ts = new ArrayList<>();
    for (Table t : m.tables()) {
      ts.add(new TableStore(t));
    }
    this.tables = Collections.unmodifiableList(ts);
    List<RelationshipStore> rs = new ArrayList<>();
    for (Model.Relationship r : m.relationships()) {
      rs.add(
          new RelationshipStore(
              column(r.fromTable(), r.fromColumn()),
              column(r.toTable(), r.toColumn()),
              r.active(),
              r.bothDirections()));
    }
    this.relationships = Collections.unmodifiableList(rs);
    this.dateTable = m.dateTable() == null ? null : table(m.dateTable());
  }

  public static ModelStore build(Model m) {
    return new ModelStore(m);
  }

  public Model definition() {
    return definition;
  }

  public List<TableStore> tables() {
    return tables;
  }

  public List<RelationshipStore> relationships() {
    return relationships;
  }

  public TableStore table(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (TableStore t : tables) {
      if (t.name().toLowerCase(Locale.ROOT).equals(n)) {
        return t;
      }
    }
    return null;
  }

  /** The table marked as date table, or null. */
  public TableStore dateTable() {
    return dateTable;
  }

  /** The date column of the marked date table: its first DateTime column. */
  public ColumnStore dateKey() {
    if (dateTable == null) {
      return null;
    }
    return dateTable.columns().stream()
        .filter(c -> c.dataType().equalsIgnoreCase("DateTime"))
        .findFirst()
        .orElse(null);
  }

  private ColumnStore column(String table, String column) {
    TableStore t = table(table);
    ColumnStore c = t == null ? null : t.column(column);
    if (c == null) {
      throw new DaxException(
          "The relationship names " + table + "[" + column + "], which is not in the model.");
    }
    return c;
  }

  /**
   * For every row of {@code from}, the row of {@code to} it reaches along relationships that carry
   * filters ({@code -1}: the blank row); null when {@code to} is not on the one side of {@code
   * from}. {@code from == to} also gives null: callers treat the table itself apart.
   */
  public RowMap map(TableStore from, TableStore to, Links links) {
    if (from == to) {
      return null;
    }
    RowMap m =
        maps.computeIfAbsent(links, k -> new ConcurrentHashMap<>())
            .computeIfAbsent(List.of(from, to), k -> compute(from, to, links));
    return m == NONE ? null : m;
  }

  /** The tables on the one side of {@code t}, nearest first (its expanded table, less itself). */
  public Set<TableStore> expanded(TableStore t, Links links) {
    Set<TableStore> seen = new LinkedHashSet<>();
    Deque<TableStore> todo = new ArrayDeque<>();
    todo.add(t);
    while (!todo.isEmpty()) {
      TableStore x = todo.poll();
      for (RelationshipStore r : relationships) {
        if (r.from().table() == x && links.carries(r, relationships) && r.to().table() != t) {
          if (seen.add(r.to().table())) {
            todo.add(r.to().table());
          }
        }
      }
    }
    return seen;
  }

  private RowMap compute(TableStore from, TableStore to, Links links) {
    // Breadth first: the shortest chain of relationships decides.
    Map<TableStore, RowMap> reached = new LinkedHashMap<>();
    Deque<TableStore> todo = new ArrayDeque<>();
    todo.add(from);
    reached.put(from, null);
    while (!todo.isEmpty()) {
      TableStore x = todo.poll();
      for (RelationshipStore r : relationships) {
        TableStore y = r.to().table();
        if (r.from().table() != x || reached.containsKey(y) || !links.carries(r, relationships)) {
          continue;
        }
        RowMap via = reached.get(x);
        RowMap composed;
        if (via == null) {
          composed = r::target;
        } else {
          // A chain (a snowflake) is composed once into an array.
          int[] rows = new int[from.rowCount()];
          for (int i = 0; i < rows.length; i++) {
            int mid = via.row(i);
            rows[i] = mid < 0 ? -1 : r.target(mid);
          }
          composed = i -> rows[i];
        }
        if (y == to) {
          return composed;
        }
        reached.put(y, composed);
        todo.add(y);
      }
    }
    return NONE;
  }

  /** The relationship between two columns, in either order, or null. */
  public RelationshipStore relationship(ColumnStore a, ColumnStore b) {
    for (RelationshipStore r : relationships) {
      if ((r.from() == a && r.to() == b) || (r.from() == b && r.to() == a)) {
        return r;
      }
    }
    return null;
  }
}
