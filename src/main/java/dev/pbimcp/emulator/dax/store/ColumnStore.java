package dev.pbimcp.emulator.dax.store;

import dev.pbimcp.emulator.dax.eval.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One column: a dictionary of distinct values (id 0 is BLANK) and the value id of every row. Text
 * is matched case-insensitively, as in Power BI, and the first spelling seen is kept.
 */
public final class ColumnStore {
  private final TableStore table;
  private final int index;
  private final String name;
  private final String dataType;
  private final boolean hidden;
  private final Object[] dictionary;
  private final double[] numbers;
  // Value ids packed by dictionary size: most columns need one or two bytes a row.
  private final byte[] bytes;
  private final short[] shorts;
  private final int[] ints;
  private volatile Map<Object, Integer> lookup;
  private static final int KEEP_LOOKUP = 4096;

  ColumnStore(
      TableStore table,
      int index,
      String name,
      String dataType,
      boolean hidden,
      List<Object[]> rows) {
    this.table = table;
    this.index = index;
    this.name = name;
    this.dataType = dataType;
    this.hidden = hidden;
    int[] ids = new int[rows.size()];
    Map<Object, Integer> keys = new HashMap<>();
    java.util.ArrayList<Object> dict = new java.util.ArrayList<>();
    dict.add(null);
    for (int r = 0; r < ids.length; r++) {
      Object v = Values.normalize(rows.get(r)[index], dataType);
      if (v == null) {
        continue;
      }
      Integer id = keys.get(Values.key(v));
      if (id == null) {
        id = dict.size();
        keys.put(Values.key(v), id);
        dict.add(v);
      }
      ids[r] = id;
    }
    this.dictionary = dict.toArray();
    // A large lookup costs more heap than the column: rebuilt on first use instead.
    this.lookup = dictionary.length <= KEEP_LOOKUP ? keys : null;
    if (dictionary.length <= 256) {
      bytes = new byte[ids.length];
      for (int r = 0; r < ids.length; r++) {
        bytes[r] = (byte) ids[r];
      }
      shorts = null;
      ints = null;
    } else if (dictionary.length <= 65_536) {
      shorts = new short[ids.length];
      for (int r = 0; r < ids.length; r++) {
        shorts[r] = (short) ids[r];
      }
      bytes = null;
      ints = null;
    } else {
      ints = ids;
      bytes = null;
      shorts = null;
    }
    this.numbers = new double[dictionary.length];
    for (int i = 1; i < dictionary.length; i++) {
      numbers[i] = dictionary[i] instanceof Number n ? n.doubleValue() : Double.NaN;
    }
  }

  public TableStore table() {
    return table;
  }

  public int index() {
    return index;
  }

  public String name() {
    return name;
  }

  public String dataType() {
    return dataType;
  }

  public boolean hidden() {
    return hidden;
  }

  /** {@code 'Table'[Column]}, as results name it. */
  public String qualified() {
    return table.name() + "[" + name + "]";
  }

  public int id(int row) {
    if (bytes != null) {
      return bytes[row] & 0xFF;
    }
    return shorts != null ? shorts[row] & 0xFFFF : ints[row];
  }

  public Object value(int row) {
    return dictionary[id(row)];
  }

  public Object valueOf(int id) {
    return dictionary[id];
  }

  /** The number behind a value id (NaN for text, 0 for BLANK). */
  public double number(int id) {
    return numbers[id];
  }

  public int rowCount() {
    return bytes != null ? bytes.length : shorts != null ? shorts.length : ints.length;
  }

  public int distinctCount() {
    return dictionary.length - 1;
  }

  /** The id of a value, 0 for BLANK, -1 when the column never holds it. */
  public int idOf(Object value) {
    if (value == null) {
      return 0;
    }
    Map<Object, Integer> l = lookup;
    if (l == null) {
      l = new HashMap<>();
      for (int i = 1; i < dictionary.length; i++) {
        l.put(Values.key(dictionary[i]), i);
      }
      lookup = l;
    }
    Integer id = l.get(Values.key(Values.normalize(value, dataType)));
    return id == null ? -1 : id;
  }

  public boolean integral() {
    return dataType.equalsIgnoreCase("Int64");
  }

  @Override
  public String toString() {
    return qualified();
  }
}
