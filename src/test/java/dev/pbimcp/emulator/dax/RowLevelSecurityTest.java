package dev.pbimcp.emulator.dax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pbimcp.emulator.SampleModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HR model's role: each manager sees their own department, and no filter removes that. */
class RowLevelSecurityTest {
  private static final Engine HR = Engine.of(SampleModels.hr());
  private static final String Q =
      "EVALUATE ROW(\"n\", [Headcount], \"all\", CALCULATE([Headcount], REMOVEFILTERS(Employee)),"
          + " \"every\", COUNTROWS(ALL(Employee)), \"depts\", CONCATENATEX(VALUES(Employee[Department]),"
          + " Employee[Department], \",\"))";

  private static Object[] as(String user, boolean secured) {
    return HR.run(Q, user, secured).get(0).rows().get(0);
  }

  @Test
  void aManagerSeesTheirDepartmentOnly() {
    Object[] r = as("sales.manager@contoso.com", true);
    assertEquals(10L, r[0]);
    assertEquals(10L, r[1], "REMOVEFILTERS cannot lift row-level security");
    assertEquals(10L, r[2], "nor can ALL");
    assertEquals("Sales", r[3]);
    assertEquals("Finance", as("FINANCE.manager@contoso.com", true)[3], "user names ignore case");
  }

  @Test
  void aUserTheRoleGivesNothingSeesNothing() {
    Object[] r = as("someone.else@contoso.com", true);
    assertNull(r[0]);
    assertNull(r[2]);
    assertEquals(
        List.of(), HR.run("EVALUATE 'Access'", "someone.else@contoso.com", true).get(0).rows());
  }

  @Test
  void withoutSecurityEveryRowIsThere() {
    assertEquals(40L, as("analyst@contoso.com", false)[0]);
  }
}
