package dev.pbimcp.emulator;

import dev.pbimcp.emulator.model.Column;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The deterministic star-schema sales model: a Sales fact table and Date, Product, Customer and
 * Store dimensions, with measures and relationships. Same seed, same rows, on every instance.
 */
public final class SalesModel {
  private static final String[] CATEGORIES = {"Bikes", "Accessories", "Clothing", "Components"};
  private static final String[][] SUBCATEGORIES = {
    {"Mountain Bikes", "Road Bikes", "Touring Bikes"},
    {"Helmets", "Bottles and Cages", "Locks"},
    {"Jerseys", "Gloves", "Caps"},
    {"Chains", "Wheels", "Brakes"}
  };
  private static final String[] CITIES = {
    "Seattle", "London", "Paris", "Berlin", "Sydney", "Toronto", "Madrid", "Oslo", "Dublin", "Lyon"
  };
  private static final String[] COUNTRIES = {
    "United States",
    "United Kingdom",
    "France",
    "Germany",
    "Australia",
    "Canada",
    "Spain",
    "Norway",
    "Ireland",
    "France"
  };
  private static final String[] SEGMENTS = {"Consumer", "Corporate", "Small Business"};
  private static final String[] REGIONS = {"North America", "Europe", "Pacific"};

  private static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);

  private SalesModel() {}

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  public static Model build(int salesRows) {
    Random random = new Random(20240101L);
    Table date = dates();
    Table product = products(random);
    Table customer = customers(random);
    Table store = stores();
    Table sales = sales(random, salesRows, date, product);
    return new Model(
        List.of(customer, date, product, sales, store),
        List.of(
            new Model.Measure(
                "Sales",
                "Total Sales",
                "SUM(Sales[SalesAmount])",
                "#,0.00",
                "Revenue after discounts."),
            new Model.Measure(
                "Sales", "Total Quantity", "SUM(Sales[Quantity])", "#,0", "Units sold."),
            new Model.Measure(
                "Sales",
                "Order Count",
                "DISTINCTCOUNT(Sales[OrderNumber])",
                "#,0",
                "Distinct orders."),
            new Model.Measure(
                "Sales",
                "Average Price",
                "DIVIDE([Total Sales], [Total Quantity])",
                "#,0.00",
                "Revenue per unit.")),
        List.of(
            new Model.Relationship("Sales", "OrderDate", "Date", "Date"),
            new Model.Relationship("Sales", "ProductKey", "Product", "ProductKey"),
            new Model.Relationship("Sales", "CustomerKey", "Customer", "CustomerKey"),
            new Model.Relationship("Sales", "StoreKey", "Store", "StoreKey"),
            new Model.Relationship("Sales", "ShipDate", "Date", "Date", false, false)),
        "Date",
        List.of());
  }

  private static Table dates() {
    List<Object[]> rows = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2023, 1, 1); d.getYear() < 2025; d = d.plusDays(1)) {
      rows.add(
          new Object[] {
            d,
            (long) d.getYear(),
            String.format("%d-%02d", d.getYear(), d.getMonthValue()),
            (long) d.getMonthValue()
          });
    }
    return new Table(
        "Date",
        "Calendar dates 2023–2024.",
        false,
        List.of(
            Column.of("Date", "DateTime"),
            Column.of("Year", "Int64"),
            Column.of("Month", "String"),
            Column.of("MonthNumber", "Int64")),
        rows);
  }

  private static Table products(Random random) {
    List<Object[]> rows = new ArrayList<>();
    for (int key = 1; key <= 60; key++) {
      int c = (key - 1) % CATEGORIES.length;
      String sub = SUBCATEGORIES[c][random.nextInt(3)];
      double price =
          Math.round((c == 0 ? 400 + random.nextInt(2600) : 5 + random.nextInt(150)) * 100) / 100.0;
      rows.add(new Object[] {(long) key, sub + " " + (100 + key), CATEGORIES[c], sub, price});
    }
    return new Table(
        "Product",
        "Products sold, by category.",
        false,
        List.of(
            Column.of("ProductKey", "Int64"),
            Column.of("Product", "String"),
            Column.of("Category", "String"),
            Column.of("Subcategory", "String"),
            Column.of("ListPrice", "Double")),
        rows);
  }

  private static Table customers(Random random) {
    List<Object[]> rows = new ArrayList<>();
    for (int key = 1; key <= 500; key++) {
      int city = random.nextInt(CITIES.length);
      rows.add(
          new Object[] {
            (long) key,
            "Customer " + key,
            CITIES[city],
            COUNTRIES[city],
            SEGMENTS[random.nextInt(SEGMENTS.length)]
          });
    }
    return new Table(
        "Customer",
        "Customers and where they are.",
        false,
        List.of(
            Column.of("CustomerKey", "Int64"),
            Column.of("Customer", "String"),
            Column.of("City", "String"),
            Column.of("Country", "String"),
            Column.of("Segment", "String")),
        rows);
  }

  private static Table stores() {
    List<Object[]> rows = new ArrayList<>();
    for (int key = 1; key <= 12; key++) {
      rows.add(new Object[] {(long) key, "Store " + key, REGIONS[(key - 1) % REGIONS.length]});
    }
    return new Table(
        "Store",
        "Shops and online channels.",
        false,
        List.of(
            Column.of("StoreKey", "Int64"),
            Column.of("Store", "String"),
            Column.of("Region", "String")),
        rows);
  }

  private static Table sales(Random random, int count, Table date, Table product) {
    List<Object[]> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Object[] day = date.rows().get(random.nextInt(date.rows().size()));
      Object[] p = product.rows().get(random.nextInt(product.rows().size()));
      long quantity = 1 + random.nextInt(5);
      double unitPrice = (double) p[4];
      rows.add(
          new Object[] {
            100_000L + i / 2,
            day[0],
            p[0],
            (long) (1 + random.nextInt(500)),
            (long) (1 + random.nextInt(12)),
            quantity,
            unitPrice,
            Math.round(quantity * unitPrice * 100) / 100.0,
            // Shipped one to five days later: the inactive relationship USERELATIONSHIP uses.
            min(((LocalDate) day[0]).plusDays(1 + i % 5), LAST_DAY)
          });
    }
    return new Table(
        "Sales",
        "One row per order line.",
        false,
        List.of(
            Column.of("OrderNumber", "Int64"),
            Column.of("OrderDate", "DateTime"),
            // Foreign keys are hidden, as modellers do: reports use the dimensions instead.
            new Column("ProductKey", "Int64", true),
            new Column("CustomerKey", "Int64", true),
            new Column("StoreKey", "Int64", true),
            Column.of("Quantity", "Int64"),
            Column.of("UnitPrice", "Double"),
            Column.of("SalesAmount", "Double"),
            Column.of("ShipDate", "DateTime")),
        rows);
  }
}
