package dev.pbimcp.emulator;

/** A column of an emulated table, with its Power BI data type name. */
record Column(String name, String dataType, boolean hidden) {
  static Column of(String name, String dataType) {
    return new Column(name, dataType, false);
  }
}
