package dev.pbimcp.emulator.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of broken file stops its model's load with a message naming the file, the line and what
 * was expected; what the engine cannot serve is left out, reported with file and line, and the rest
 * of the model loads.
 */
class BadProjectTest {
  private static final String TABLES = "CoffeeShop/CoffeeShop.SemanticModel/definition/tables/";

  @TempDir Path tmp;

  private Path project() throws IOException {
    return CoffeeShop.copy(tmp, "CoffeeShop");
  }

  private static void edit(Path file, String from, String to) throws IOException {
    CoffeeShop.edit(file, from, to);
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text);
  }

  private static String failure(Path project) {
    ProjectLoader.Loaded m = ProjectLoader.load(project).get(0);
    assertFalse(m.ok(), "the model must not load");
    assertEquals("CoffeeShop", m.name());
    return m.error();
  }

  private Path tables(Path p, String table) {
    return p.resolve("CoffeeShop.SemanticModel/definition/tables/" + table + ".tmdl");
  }

  @Test
  void tmdlIndentation() throws Exception {
    Path p = project();
    Path orders = tables(p, "Orders");
    edit(
        orders,
        "\tcolumn Product\n\t\tdataType: string",
        "\tcolumn Product\n\t\t\tdataType: string");
    int line = lineOf(orders, "\t\t\tdataType: string");
    assertEquals(
        TABLES
            + "Orders.tmdl:"
            + line
            + ": this line is indented 1 level(s) deeper than expected;"
            + " properties and objects of column 'Product' (line "
            + (line - 1)
            + ") are indented one level.",
        failure(p));
  }

  @Test
  void tmdlProperty() throws Exception {
    Path p = project();
    Path orders = tables(p, "Orders");
    edit(
        orders, "\tcolumn Quantity\n\t\tdataType: int64", "\tcolumn Quantity\n\t\tdataType: int65");
    assertEquals(
        TABLES
            + "Orders.tmdl:"
            + lineOf(orders, "int65")
            + ": dataType 'int65' of column 'Quantity' is"
            + " not one of string, int64, double, decimal, dateTime, boolean.",
        failure(p));
  }

  @Test
  void bimJson() throws Exception {
    Path p = CoffeeShop.asBim(tmp, "CoffeeShop");
    Path bim = p.resolve("CoffeeShop.SemanticModel/model.bim");
    edit(
        bim,
        "\"name\": \"Shop\",\n        \"description\"",
        "\"name\": \"Shop\"\n        \"description\"");
    String error = failure(p);
    int line = lineOf(bim, "\"description\": \"The coffee shops");
    assertTrue(
        error.startsWith(
            "CoffeeShop/CoffeeShop.SemanticModel/model.bim:" + line + ": not valid JSON"),
        error);
  }

  @Test
  void csvValue() throws Exception {
    Path p = project();
    Path csv = p.resolve("data/Orders.csv");
    List<String> lines = Files.readAllLines(csv);
    String[] f = lines.get(4).split(",");
    f[4] = "two";
    lines.set(4, String.join(",", f));
    Files.write(csv, lines);
    assertEquals(
        "CoffeeShop/data/Orders.csv:5: column 5 (Quantity, Int64): 'two' is not a whole number.",
        failure(p));
  }

  @Test
  void csvUnknownColumn() throws Exception {
    Path p = project();
    edit(p.resolve("data/Shop.csv"), "ShopId,Shop,City,Manager", "ShopId,Shop,Town,Manager");
    assertEquals(
        "CoffeeShop/data/Shop.csv:1: the header names 'Town', which is not a column of the table;"
            + " its columns: ShopId, Shop, City, Manager.",
        failure(p));
  }

  @Test
  void missingDataFile() throws Exception {
    Path p = project();
    Files.delete(p.resolve("data/Shop.csv"));
    Path shop = tables(p, "Shop");
    assertEquals(
        TABLES
            + "Shop.tmdl:"
            + lineOf(shop, "table Shop")
            + ": the table 'Shop' has no data: add"
            + " CoffeeShop/data/Shop.csv (a header row naming its columns, then one line a row).",
        failure(p));
  }

  @Test
  void badMeasureDax() throws Exception {
    Path p = project();
    Path orders = tables(p, "Orders");
    edit(orders, "measure Revenue = SUM(Orders[Amount])", "measure Revenue = SUM(Orders[Amount]");
    String error = failure(p);
    assertTrue(
        error.startsWith(
            TABLES
                + "Orders.tmdl:"
                + lineOf(orders, "measure Revenue")
                + ": the measure [Revenue] is not valid DAX"),
        error);
  }

  /** Table 'Live', one int64 column, in DirectQuery: left out, line 7 says why. */
  private static void directQueryTable(Path tables, String column) throws IOException {
    Files.writeString(
        tables.resolve("Live.tmdl"),
        "table Live\n\n\tcolumn "
            + column
            + "\n\t\tdataType: int64\n\t\tsourceColumn: "
            + column
            + "\n\n\tpartition Live = m\n\t\tmode: directQuery\n"
            + "\t\tsource = Sql.Database(\"db\", \"x\")\n");
  }

  @Test
  void unsupportedObjectsAreLeftOutAndTheRestLoads() throws Exception {
    Path p = project();
    Path dir = p.resolve("CoffeeShop.SemanticModel/definition/tables");
    Files.writeString(
        dir.resolve("Time Intelligence.tmdl"),
        "table 'Time Intelligence'\n\n\tcalculationGroup\n\n\t\tcalculationItem Current = SELECTEDMEASURE()\n\n"
            + "\tcolumn Name\n\t\tdataType: string\n\t\tsourceColumn: Name\n");
    directQueryTable(dir, "Id");
    ProjectLoader.Loaded m = ProjectLoader.load(p).get(0);
    assertTrue(m.ok(), m.error());
    assertEquals(
        List.of(
            TABLES
                + "Live.tmdl:7: table 'Live' has a directQuery partition; the emulator serves import"
                + " tables (rows from CSV) and calculated tables only.",
            TABLES
                + "Time Intelligence.tmdl:1: table 'Time Intelligence' is a calculation group, which"
                + " the emulator does not serve."),
        m.problems().stream().map(Problem::toString).toList());
    assertEquals(
        List.of("Orders", "Shop", "Calendar"),
        m.model().tables().stream().map(t -> t.name()).toList());
  }

  /**
   * A many-to-many relationship, and one to a table that is left out, are left out and reported;
   * the rest load, a quoted end among them.
   */
  @Test
  void relationshipsTheEngineCannotServeAreLeftOut() throws Exception {
    Path p = project();
    Path definition = p.resolve("CoffeeShop.SemanticModel/definition");
    directQueryTable(definition.resolve("tables"), "ShopId");
    Path rels = definition.resolve("relationships.tmdl");
    edit(rels, "\tfromColumn: Orders.ShopId", "\tfromColumn: 'Orders'.'ShopId'");
    Files.writeString(
        rels,
        Files.readString(rels)
            + "\nrelationship many\n\tfromColumn: Orders.Product\n\ttoColumn: Shop.City\n"
            + "\ttoCardinality: many\n"
            + "\nrelationship live\n\tfromColumn: Live.ShopId\n\ttoColumn: Shop.ShopId\n");
    ProjectLoader.Loaded m = ProjectLoader.load(p).get(0);
    assertTrue(m.ok(), m.error());
    String where = "CoffeeShop/CoffeeShop.SemanticModel/definition/relationships.tmdl:";
    assertEquals(
        List.of(
            TABLES
                + "Live.tmdl:7: table 'Live' has a directQuery partition; the emulator serves import"
                + " tables (rows from CSV) and calculated tables only.",
            where
                + "9: the relationship 'Orders'[Product] -> 'Shop'[City] is many-to-many, which the"
                + " emulator does not serve.",
            where
                + "14: the relationship 'Live'[ShopId] -> 'Shop'[ShopId] is left out with table"
                + " 'Live'."),
        m.problems().stream().map(Problem::toString).toList());
    assertEquals(
        List.of("Orders[ShopId] -> Shop[ShopId]", "Orders[OrderDate] -> Calendar[Date]"),
        m.model().relationships().stream()
            .map(
                r ->
                    r.fromTable()
                        + "["
                        + r.fromColumn()
                        + "] -> "
                        + r.toTable()
                        + "["
                        + r.toColumn()
                        + "]")
            .toList());
  }

  @Test
  void aRelationshipToAColumnTheModelDoesNotHave() throws Exception {
    Path p = project();
    Path rels = p.resolve("CoffeeShop.SemanticModel/definition/relationships.tmdl");
    edit(rels, "\ttoColumn: Shop.ShopId", "\ttoColumn: Shop.Id");
    assertEquals(
        "CoffeeShop/CoffeeShop.SemanticModel/definition/relationships.tmdl:1: the relationship"
            + " names column 'Shop'[Id], which table 'Shop' does not have.",
        failure(p));
    edit(rels, "\ttoColumn: Shop.Id", "\ttoColumn: 'Shop.ShopId");
    assertEquals(
        "CoffeeShop/CoffeeShop.SemanticModel/definition/relationships.tmdl:3: the reference"
            + " 'Shop.ShopId has no closing quote.",
        failure(p));
  }

  /**
   * The error names the line of the DAX that fails, and the position in it from its first
   * character.
   */
  @Test
  void calculatedTableErrorAtItsOwnPosition() throws Exception {
    Path p = project();
    Path calendar = tables(p, "Calendar");
    String source = "CALENDAR(DATE(2024, 1, 1), MAX('Nowhere'[Date]))";
    edit(calendar, "CALENDAR(DATE(2024, 1, 1), DATE(2025, 12, 31))", source);
    int column = source.indexOf("'Nowhere'") + 1;
    assertEquals(
        TABLES
            + "Calendar.tmdl:"
            + lineOf(calendar, "source = " + source)
            + ": the calculated table 'Calendar' cannot be evaluated: Query (1, "
            + column
            + ") The table 'Nowhere' cannot be found.",
        failure(p));
  }

  @Test
  void notAProject() throws Exception {
    Files.createDirectories(tmp.resolve("empty"));
    ProjectLoader.Loaded m = ProjectLoader.load(tmp.resolve("empty")).get(0);
    assertFalse(m.ok());
    assertTrue(m.error().contains("no <Name>.SemanticModel folder"), m.error());
  }
}
