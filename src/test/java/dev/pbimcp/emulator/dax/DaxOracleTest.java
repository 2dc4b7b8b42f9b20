package dev.pbimcp.emulator.dax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pbimcp.emulator.SampleModels;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The DAX engine against an SQL oracle: the sample Sales model is loaded into SQLite, and every
 * query of {@code dax/oracle.txt} is answered by both, DAX by the engine and its SQL twin by
 * SQLite, and compared row by row (numbers to a relative 1e-9; in order where the DAX says ORDER
 * BY, as multisets otherwise).
 */
class DaxOracleTest {
  private static final int ROWS = 30_000;
  private static Engine engine;
  private static Connection sql;

  record Case(String name, String dax, String sql) {}

  @BeforeAll
  static void load() throws Exception {
    Model model = SampleModels.sales(ROWS);
    engine = Engine.of(model);
    sql = DriverManager.getConnection("jdbc:sqlite::memory:");
    for (Table t : model.tables()) {
      try (Statement s = sql.createStatement()) {
        s.execute(
            "CREATE TABLE \""
                + t.name()
                + "\" ("
                + String.join(
                    ", ",
                    t.columns().stream()
                        .map(c -> "\"" + c.name() + "\" " + sqlType(c.dataType()))
                        .toList())
                + ")");
      }
      String marks = String.join(", ", t.columns().stream().map(c -> "?").toList());
      sql.setAutoCommit(false);
      try (PreparedStatement p =
          sql.prepareStatement("INSERT INTO \"" + t.name() + "\" VALUES (" + marks + ")")) {
        for (Object[] row : t.rows()) {
          for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            p.setObject(i + 1, sqlValue(v));
          }
          p.addBatch();
        }
        p.executeBatch();
      }
      sql.commit();
    }
  }

  /** Dates as SQLite compares them: ISO text to the second. */
  private static Object sqlValue(Object v) {
    if (v instanceof LocalDate d) {
      return d + "T00:00:00";
    }
    if (v instanceof LocalDateTime t) {
      return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
    return v;
  }

  private static String sqlType(String daxType) {
    return switch (daxType) {
      case "Int64" -> "INTEGER";
      case "Double" -> "REAL";
      default -> "TEXT";
    };
  }

  @AfterAll
  static void close() throws SQLException {
    sql.close();
  }

  static List<Case> cases() throws IOException {
    try (InputStream in = DaxOracleTest.class.getResourceAsStream("/dax/oracle.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<Case> out = new ArrayList<>();
      for (String block : text.split("(?m)^## ")) {
        if (block.isBlank() || block.startsWith("#")) {
          continue;
        }
        int nl = block.indexOf('\n');
        String[] parts = block.substring(nl + 1).split("(?m)^--\\s*$");
        if (parts.length != 2) {
          throw new IllegalStateException("Case without DAX and SQL parts: " + block);
        }
        out.add(new Case(block.substring(0, nl).trim(), parts[0].trim(), parts[1].trim()));
      }
      return out;
    }
  }

  @Test
  void coversAtLeast120Queries() throws IOException {
    assertTrue(cases().size() >= 120, "oracle cases: " + cases().size());
  }

  @TestFactory
  Stream<DynamicTest> everyQueryMatchesItsSql() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(Case c) throws SQLException {
    List<Engine.Result> results = engine.run(c.dax(), "analyst@contoso.com");
    assertEquals(1, results.size(), "one EVALUATE per oracle case");
    List<List<Object>> dax = new ArrayList<>();
    for (Object[] row : results.get(0).rows()) {
      List<Object> r = new ArrayList<>();
      for (Object v : row) {
        r.add(normal(v));
      }
      dax.add(r);
    }
    List<List<Object>> expected = new ArrayList<>();
    try (Statement s = sql.createStatement();
        ResultSet rs = s.executeQuery(c.sql())) {
      int width = rs.getMetaData().getColumnCount();
      assertEquals(width, results.get(0).columns().size(), "columns of " + c.name());
      while (rs.next()) {
        List<Object> r = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          r.add(normal(rs.getObject(i)));
        }
        expected.add(r);
      }
    }
    boolean ordered = c.dax().toUpperCase().contains("ORDER BY");
    if (!ordered) {
      dax.sort(ROWS_ORDER);
      expected.sort(ROWS_ORDER);
    }
    assertEquals(expected.size(), dax.size(), "rows of " + c.name() + ": " + dax);
    for (int i = 0; i < dax.size(); i++) {
      for (int k = 0; k < dax.get(i).size(); k++) {
        Object a = expected.get(i).get(k);
        Object b = dax.get(i).get(k);
        if (!same(a, b)) {
          fail(
              c.name()
                  + ": row "
                  + i
                  + " column "
                  + k
                  + ": SQL "
                  + a
                  + ", DAX "
                  + b
                  + "\nDAX rows: "
                  + dax.subList(0, Math.min(5, dax.size()))
                  + "\nSQL rows: "
                  + expected.subList(0, Math.min(5, expected.size())));
        }
      }
    }
  }

  private static Object normal(Object v) {
    if (v instanceof LocalDateTime d) {
      return d.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return v;
  }

  private static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }
    return a.equals(b);
  }

  private static final Comparator<List<Object>> ROWS_ORDER =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = String.valueOf(a.get(i)).compareTo(String.valueOf(b.get(i)));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };
}
