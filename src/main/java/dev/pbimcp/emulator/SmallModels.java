package dev.pbimcp.emulator;

import dev.pbimcp.emulator.model.Column;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.util.ArrayList;
import java.util.List;

/** The two small models of the sample tenant. */
public final class SmallModels {
  private SmallModels() {}

  public static Model finance() {
    List<Object[]> accounts = new ArrayList<>();
    String[][] a = {
      {"4000", "Revenue", "Income"},
      {"5000", "Cost of Sales", "Expense"},
      {"6100", "Salaries", "Expense"},
      {"6200", "Rent", "Expense"}
    };
    for (String[] x : a) {
      accounts.add(new Object[] {x[0], x[1], x[2]});
    }
    List<Object[]> gl = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      for (String[] x : a) {
        gl.add(
            new Object[] {
              x[0],
              String.format("2024-%02d", m),
              (double) (x[2].equals("Income") ? 90_000 + m * 1_000 : 20_000 + m * 150)
            });
      }
    }
    return new Model(
        List.of(
            new Table(
                "Account",
                "Chart of accounts.",
                false,
                List.of(
                    Column.of("AccountNo", "String"),
                    Column.of("Account", "String"),
                    Column.of("Type", "String")),
                accounts),
            new Table(
                "GL",
                "Monthly balances.",
                false,
                List.of(
                    Column.of("AccountNo", "String"),
                    Column.of("Month", "String"),
                    Column.of("Amount", "Double")),
                gl)),
        List.of(new Model.Measure("GL", "Balance", "SUM(GL[Amount])", "#,0", null)),
        List.of(new Model.Relationship("GL", "AccountNo", "Account", "AccountNo")));
  }

  public static Model hr() {
    List<Object[]> employees = new ArrayList<>();
    String[] departments = {"Sales", "Finance", "Engineering", "Support"};
    for (int i = 1; i <= 40; i++) {
      employees.add(new Object[] {(long) i, "Employee " + i, departments[i % departments.length]});
    }
    return new Model(
        List.of(
            new Table(
                "Employee",
                "People and departments.",
                false,
                List.of(
                    Column.of("EmployeeId", "Int64"),
                    Column.of("Name", "String"),
                    Column.of("Department", "String")),
                employees),
            new Table(
                "Access",
                "Who manages which department: the row-level security lookup.",
                true,
                List.of(
                    Column.of("UserPrincipalName", "String"), Column.of("Department", "String")),
                List.of(
                    new Object[] {"sales.manager@contoso.com", "Sales"},
                    new Object[] {"finance.manager@contoso.com", "Finance"},
                    new Object[] {"engineering.lead@contoso.com", "Engineering"}))),
        List.of(new Model.Measure("Employee", "Headcount", "COUNTROWS(Employee)", "#,0", null)),
        List.of(),
        null,
        // Every user is in the role; each sees the department Access gives them, and nothing else.
        List.of(
            new Model.Role(
                "Department manager",
                List.of(
                    new Model.TableFilter(
                        "Employee",
                        "Employee[Department] = LOOKUPVALUE(Access[Department],"
                            + " Access[UserPrincipalName], USERPRINCIPALNAME())"),
                    new Model.TableFilter(
                        "Access", "Access[UserPrincipalName] = USERPRINCIPALNAME()")),
                List.of("*"))));
  }
}
