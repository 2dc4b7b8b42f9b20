package dev.pbimcp.emulator.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.emulator.dax.Engine;
import dev.pbimcp.emulator.model.Model;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example project loads as TMDL and as model.bim into the same model, and its measures (a
 * calculated column, a calculated date table, time intelligence, row-level security) give the
 * answers its CSV files give when summed apart from the engine.
 */
class ProjectLoaderTest {
  @TempDir Path tmp;

  private static Model load(Path project) {
    List<ProjectLoader.Loaded> all = ProjectLoader.load(project);
    assertEquals(1, all.size());
    ProjectLoader.Loaded m = all.get(0);
    assertTrue(m.ok(), m.error());
    assertEquals(List.of(), m.problems());
    return m.model();
  }

  private static Object one(Engine e, String dax, String user, boolean secured) {
    List<Object[]> rows = e.run(dax, user, secured).get(0).rows();
    assertEquals(1, rows.size(), dax);
    return rows.get(0)[0];
  }

  @Test
  void tmdlAndBimGiveTheSameModel() throws Exception {
    Model tmdl = load(CoffeeShop.EXAMPLE);
    Model bim = load(CoffeeShop.asBim(tmp, "CoffeeShop"));
    assertEquals("Calendar", tmdl.dateTable());
    assertEquals(
        List.of("Orders", "Shop", "Calendar"), tmdl.tables().stream().map(t -> t.name()).toList());
    for (String view : List.of("TABLES", "COLUMNS", "RELATIONSHIPS")) {
      String q = "EVALUATE INFO.VIEW." + view + "()";
      assertEquals(rows(Engine.of(tmdl), q), rows(Engine.of(bim), q), view);
    }
    for (String info :
        List.of("INFO.ROLES()", "INFO.TABLEPERMISSIONS()", "INFO.HIERARCHIES()", "INFO.LEVELS()")) {
      assertEquals(
          rows(Engine.of(tmdl), "EVALUATE " + info),
          rows(Engine.of(bim), "EVALUATE " + info),
          info);
    }
    assertEquals(tmdl.measures().size(), bim.measures().size());
    for (int i = 0; i < tmdl.measures().size(); i++) {
      Model.Measure a = tmdl.measures().get(i);
      Model.Measure b = bim.measures().get(i);
      assertEquals(a.name(), b.name());
      assertEquals(a.expression().strip(), b.expression().strip(), a.name());
      assertEquals(a.formatString(), b.formatString());
      assertEquals(a.description(), b.description());
      assertEquals(a.displayFolder(), b.displayFolder());
    }
    Model.Measure ly =
        tmdl.measures().stream()
            .filter(m -> m.name().equals("Revenue LY"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "CALCULATE(\n    [Revenue],\n    SAMEPERIODLASTYEAR('Calendar'[Date])\n)",
        ly.expression(),
        "the fenced block, indentation kept");
    assertEquals(List.of("ana@contoso.com", "ben@contoso.com"), tmdl.roles().get(0).members());
  }

  private static List<List<Object>> rows(Engine e, String dax) {
    return e.run(dax, "", false).get(0).rows().stream().map(r -> Arrays.asList(r.clone())).toList();
  }

  @Test
  void measuresAnswerWhatTheDataSays() throws Exception {
    Engine e = Engine.of(load(CoffeeShop.EXAMPLE));
    double y2024 = CoffeeShop.revenue(o -> o.date().getYear() == 2024);
    double y2025 = CoffeeShop.revenue(o -> o.date().getYear() == 2025);
    List<Object[]> years =
        e.run(
                "EVALUATE SUMMARIZECOLUMNS('Calendar'[Year], \"Revenue\", [Revenue], \"LY\","
                    + " [Revenue LY], \"Growth\", [Revenue Growth]) ORDER BY 'Calendar'[Year]",
                "",
                false)
            .get(0)
            .rows();
    assertEquals(2, years.size());
    assertEquals(2024L, years.get(0)[0]);
    assertEquals(y2024, (double) years.get(0)[1], 1e-9);
    assertNull(years.get(0)[2], "no revenue in 2023");
    assertEquals(y2024, (double) years.get(1)[2], 1e-9);
    assertEquals((y2025 - y2024) / y2024, (double) years.get(1)[3], 1e-12);
    LocalDate june30 = LocalDate.of(2025, 6, 30);
    double ytd = CoffeeShop.revenue(o -> o.date().getYear() == 2025 && !o.date().isAfter(june30));
    Object viaYtd =
        one(
            e,
            "EVALUATE ROW(\"ytd\", CALCULATE([Revenue YTD], 'Calendar'[Date] = DATE(2025, 6, 30)))",
            "",
            false);
    assertEquals(ytd, (double) viaYtd, 1e-9);
  }

  @Test
  void theRoleShowsEachManagerTheirOwnShop() throws Exception {
    Engine e = Engine.of(load(CoffeeShop.EXAMPLE));
    String q = "EVALUATE ROW(\"r\", [Revenue])";
    assertEquals(
        CoffeeShop.revenue(o -> o.shop() == 1), (double) one(e, q, "ana@contoso.com", true), 1e-9);
    assertEquals(
        CoffeeShop.revenue(o -> o.shop() == 2), (double) one(e, q, "BEN@contoso.com", true), 1e-9);
    assertNull(one(e, q, "zoe@contoso.com", true), "not a member: no shop, no revenue");
    assertEquals(CoffeeShop.revenue(o -> true), (double) one(e, q, "ana@contoso.com", false), 1e-9);
  }
}
