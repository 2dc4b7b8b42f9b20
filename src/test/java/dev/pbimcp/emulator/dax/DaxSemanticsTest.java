package dev.pbimcp.emulator.dax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.emulator.SampleModels;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DAX semantics on a model whose answers are known by heart, and the defects of the old engine. */
class DaxSemanticsTest {
  private static final Engine TINY = Engine.of(TinyModel.build());
  private static final Engine SALES = Engine.of(SampleModels.sales(3_000));

  private static Object scalar(String expr) {
    return TINY.run("EVALUATE ROW(\"x\", " + expr + ")", "user@contoso.com")
        .get(0)
        .rows()
        .get(0)[0];
  }

  private static List<Object[]> rows(String query) {
    return TINY.run(query, "user@contoso.com").get(0).rows();
  }

  private static String error(String query) {
    return assertThrows(DaxException.class, () -> TINY.run(query, "u").get(0).rows().size())
        .getMessage();
  }

  // The defects of the first engine, one test each.

  @Test
  void minAndMaxOfDatesAndText() {
    assertEquals(LocalDateTime.of(2023, 2, 15, 0, 0), scalar("MIN(F[d])"));
    assertEquals(LocalDateTime.of(2024, 3, 1, 0, 0), scalar("MAX(F[d])"));
    assertEquals("a", scalar("MIN(F[t])"));
    assertEquals("e", scalar("MAX(F[t])"));
    Object first =
        SALES
            .run("EVALUATE ROW(\"m\", MIN('Sales'[OrderDate]), \"c\", MIN('Customer'[City]))", "u")
            .get(0)
            .rows()
            .get(0)[0];
    assertInstanceOf(LocalDateTime.class, first);
  }

  @Test
  void countRowsOfAnEmptyTableIsBlank() {
    assertNull(scalar("COUNTROWS(FILTER(F, F[v] > 1000))"));
    assertNull(scalar("CALCULATE(COUNTROWS(F), K[grp] = \"none\")"));
  }

  @Test
  void blankEqualsZeroAndDivisionByZeroIsInfinity() {
    assertEquals(true, scalar("BLANK() = 0"));
    assertEquals(false, scalar("BLANK() == 0"));
    assertEquals(Double.POSITIVE_INFINITY, scalar("1/0"));
    assertNull(scalar("DIVIDE(1, 0)"));
    assertNull(scalar("BLANK() * 5"));
    assertEquals(5L, scalar("BLANK() + 5"));
    assertNull(scalar("BLANK() / 2"));
  }

  @Test
  void integersStayIntegers() {
    assertEquals(5L, scalar("5"));
    assertEquals(150L, scalar("SUM(F[v])"));
    assertEquals(300L, scalar("[Twice]"));
    assertEquals(13.0, scalar("SUM(F[w])"));
    assertEquals(2.5, scalar("5 / 2"));
    assertInstanceOf(
        Double.class, scalar("99999999999999999999"), "beyond Int64 a literal is decimal");
  }

  @Test
  void constructorsInAndVarAreValidDax() {
    assertEquals(true, scalar("2 IN {1, 2, 3}"));
    assertEquals(false, scalar("\"z\" IN {\"a\"}"));
    assertEquals(6L, scalar("VAR a = 2 VAR b = a * 3 RETURN b"));
    assertEquals(2, rows("EVALUATE {(1, \"a\"), (2, \"b\")}").size());
  }

  @Test
  void unsupportedDaxIsNamedNotCalledASyntaxError() {
    String m = error("EVALUATE ROW(\"x\", PATH(K[k], K[k]))");
    assertTrue(m.contains("does not support the function 'PATH'"), m);
    assertFalse(m.contains("syntax"), m);
  }

  @Test
  void tablesShowNoInternalColumns() {
    List<String> columns = SALES.run("EVALUATE TOPN(1, 'Sales')", "u").get(0).columns();
    assertFalse(columns.stream().anyMatch(c -> c.contains("RowId")), columns.toString());
    assertEquals("Sales[OrderNumber]", columns.get(0));
  }

  @Test
  void anEmptyResultKeepsItsColumns() {
    Engine.Result r = TINY.run("EVALUATE FILTER(K, K[k] > 100)", "u").get(0);
    assertEquals(List.of("K[k]", "K[grp]", "K[cat]"), r.columns());
    assertEquals(0, r.rows().size());
  }

  // Filter context, relationships, the blank row.

  @Test
  void filtersFlowFromTheOneSide() {
    assertEquals(60L, scalar("CALCULATE([V], K[grp] = \"A\")"), "keys 1 and 2 are in A");
    assertEquals(40L, scalar("CALCULATE([V], K[cat] = \"x\", K[grp] = \"B\")"));
    assertEquals(
        60L, scalar("CALCULATE([V], K[grp] = \"A\", ALL(K))"), "modifiers apply before filters");
    assertEquals(150L, scalar("CALCULATE(CALCULATE([V], ALL(F)), K[grp] = \"A\")"));
    assertNull(scalar("CALCULATE(CALCULATE([V], KEEPFILTERS(K[grp] = \"B\")), K[grp] = \"A\")"));
    assertEquals(40L, scalar("CALCULATE(CALCULATE([V], K[grp] = \"B\"), K[grp] = \"A\")"));
  }

  @Test
  void unmatchedKeysMeetTheBlankRow() {
    assertEquals(4L, scalar("COUNTROWS(VALUES(K[grp]))"), "A, B, C and the blank row");
    assertEquals(3L, scalar("COUNTROWS(DISTINCT(K[grp]))"));
    assertEquals(3L, scalar("COUNTROWS(ALLNOBLANKROW(K[grp]))"));
    assertEquals(50L, scalar("CALCULATE([V], ISBLANK(K[grp]))"));
    List<Object[]> groups = rows("EVALUATE SUMMARIZECOLUMNS(K[grp], \"v\", [V]) ORDER BY K[grp]");
    assertEquals("[null, 50]", Arrays.toString(groups.get(0)));
    assertEquals(3, groups.size(), "A, B and the blank group; C has no facts and is dropped");
  }

  @Test
  void contextTransitionInIterators() {
    assertEquals(
        150L, scalar("SUMX(VALUES(K[k]), [V])"), "the blank row brings the unmatched fact");
    assertEquals(100L, scalar("SUMX(K, [V])"), "a table reference has no blank row here");
    assertEquals(3L, scalar("COUNTROWS(FILTER(VALUES(K[grp]), [V] > 0))"));
    assertEquals(1L, scalar("MAXX(K, CALCULATE(COUNTROWS(F))) - 1"));
  }

  @Test
  void summarizeColumnsDropsBlankRowsAndKeepsFilterTables() {
    assertEquals(
        2, rows("EVALUATE SUMMARIZECOLUMNS(K[grp], TREATAS({\"x\"}, K[cat]), \"v\", [V])").size());
    assertEquals(
        3,
        rows("EVALUATE SUMMARIZECOLUMNS(K[grp])").size() - 1,
        "no expression: every value, blank too");
    List<Object[]> total =
        rows(
            "EVALUATE SUMMARIZECOLUMNS(ROLLUPADDISSUBTOTAL(K[grp], \"T\"), \"v\", [V]) ORDER BY [T] DESC");
    assertEquals("[null, true, 150]", Arrays.toString(total.get(0)));
  }

  @Test
  void timeIntelligenceOnTheMarkedDateTable() {
    assertEquals(30L, scalar("CALCULATE(TOTALYTD([V], D[Date]), D[Date] = DATE(2024, 2, 10))"));
    assertEquals(
        40L,
        scalar(
            "CALCULATE(CALCULATE([V], SAMEPERIODLASTYEAR(D[Date])), D[Year] = 2024, D[Month] = 2)"));
    assertEquals(
        10L,
        scalar("CALCULATE(CALCULATE([V], PREVIOUSMONTH(D[Date])), D[Year] = 2024, D[Month] = 2)"));
    assertEquals(110L, scalar("CALCULATE([V], DATESBETWEEN(D[Date], DATE(2024, 1, 1), BLANK()))"));
  }

  @Test
  void logicAndText() {
    assertEquals("two", scalar("SWITCH(2, 1, \"one\", 2, \"two\", \"many\")"));
    assertEquals("big", scalar("SWITCH(TRUE(), [V] > 100, \"big\", \"small\")"));
    assertEquals(7L, scalar("COALESCE(BLANK(), 7)"));
    assertEquals("50.00%", scalar("FORMAT(0.5, \"Percent\")"));
    assertEquals("Tuesday", scalar("FORMAT(DATE(2024, 1, 2), \"dddd\")"));
    assertEquals("$1,234", scalar("FORMAT(1234, \"$#,0\")"));
    assertEquals("a, b", scalar("CONCATENATEX(FILTER(F, F[v] <= 20), F[t], \", \", F[t])"));
    assertEquals(3L, scalar("SEARCH(\"C\", \"abcd\")"));
  }

  @Test
  void rankxTiesSkipOrDense() {
    List<Object[]> r =
        rows(
            "EVALUATE ADDCOLUMNS(DATATABLE(\"n\", INTEGER, {{10}, {20}, {20}, {30}}), \"skip\", RANKX(DATATABLE(\"n\", INTEGER, {{10}, {20}, {20}, {30}}), [n]), \"dense\", RANKX(DATATABLE(\"n\", INTEGER, {{10}, {20}, {20}, {30}}), [n], , DESC, DENSE)) ORDER BY [n]");
    assertEquals("[10, 4, 3]", Arrays.toString(r.get(0)));
    assertEquals("[20, 2, 2]", Arrays.toString(r.get(1)));
  }

  @Test
  void oneTablePerEvaluateWithOrderAndStart() {
    List<Engine.Result> rs =
        TINY.run(
            "DEFINE MEASURE F[Big] = [V] * 10 EVALUATE ROW(\"b\", [Big]) EVALUATE VALUES(K[k]) ORDER BY K[k] DESC START AT 3",
            "u");
    assertEquals(2, rs.size());
    assertEquals(1500L, rs.get(0).rows().get(0)[0]);
    assertEquals(
        List.of(3L, 2L, 1L),
        rs.get(1).rows().stream().map(x -> x[0]).filter(x -> x != null).toList());
  }

  @Test
  void userPrincipalNameIsTheEffectiveUser() {
    assertEquals(
        "someone@contoso.com",
        TINY.run("EVALUATE ROW(\"u\", USERPRINCIPALNAME())", "someone@contoso.com")
            .get(0)
            .rows()
            .get(0)[0]);
  }

  // Errors, in Power BI's shape.

  @Test
  void unknownNamesAreNamedWithTheirPosition() {
    assertEquals("Query (1, 10) The table 'Nope' cannot be found.", error("EVALUATE 'Nope'"));
    assertTrue(
        error("EVALUATE ROW(\"x\", SUM(F[nope]))")
            .startsWith("Query (1, 23) Column 'nope' in table 'F'"));
    assertTrue(error("EVALUATE ROW(\"x\", [Nope])").contains("'Nope' cannot be found"));
    assertTrue(error("EVALUATE\nROW(\"x\", 1 +)").startsWith("Query (2, 13)"));
    assertTrue(error("EVALUATE ROW(\"x\", F[v])").contains("A single value for column 'v'"));
    assertTrue(error("EVALUATE ROW(\"x\", \"a\" < 1)").contains("comparing values of type Text"));
    assertTrue(error("EVALUATE ROW(\"x\", 1) ORDER").contains("Expected BY"));
  }

  @Test
  void namesAreBoundBeforeEvaluationEvenInBranchesThatNeverRun() {
    assertEquals(
        "Query (1, 31) Column 'nope' in table 'K' cannot be found or may not be used in this"
            + " expression.",
        error("EVALUATE ROW(\"x\", IF(FALSE(), K[nope], 1))"));
    assertTrue(error("EVALUATE ROW(\"x\", IF(FALSE(), PATH(1, 2), 1))").contains("'PATH'"));
    assertEquals(
        1L, scalar("VAR t = ROW(\"a\", 1) RETURN COUNTROWS(t)"), "variables are names too");
  }

  @Test
  void aMeasureThatCallsItselfIsAnErrorNotACrash() {
    assertTrue(
        error("DEFINE MEASURE F[Loop] = [Loop] + 1 EVALUATE ROW(\"x\", [Loop])")
            .contains("nested too deeply"));
    List<Object[]> r =
        TINY.run(
                "DEFINE MEASURE F[Loop] = [Loop] + 1 EVALUATE ROW(\"x\", IFERROR([Loop], 0),"
                    + " \"y\", IFERROR([Loop], 1), \"z\", [V])",
                "u")
            .get(0)
            .rows();
    assertEquals("[0, 1, 150]", Arrays.toString(r.get(0)), "the depth is whole again after each");
  }
}
