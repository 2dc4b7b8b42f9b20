package dev.pbimcp.emulator.model;

/** A column of a model table, with its Power BI data type name (Int64, Double, DateTime, …). */
public record Column(String name, String dataType, boolean hidden) {
  public static Column of(String name, String dataType) {
    return new Column(name, dataType, false);
  }
}
