package dev.pbimcp.emulator;

import dev.pbimcp.emulator.model.Table;
import dev.pbimcp.emulator.project.ProjectLoader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The rows of the sample Sales fact table, generated rather than stored: the same seed gives the
 * same rows on every instance. Products, customers and stores are the loaded dimension tables;
 * orders fall in 2023–2024 and ship one to five days later.
 */
final class SampleSales implements ProjectLoader.Generated {
  private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);
  private final int count;

  SampleSales(int count) {
    this.count = count;
  }

  @Override
  public ProjectLoader.TableRows rows(Function<String, Table> loaded) {
    Table product = loaded.apply("Product");
    int key = product.columnIndex("ProductKey");
    int price = product.columnIndex("ListPrice");
    int customers = loaded.apply("Customer").rows().size();
    int stores = loaded.apply("Store").rows().size();
    int days = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
    Random random = new Random(20240101L);
    List<Object[]> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      LocalDate day = FIRST_DAY.plusDays(random.nextInt(days));
      Object[] p = product.rows().get(random.nextInt(product.rows().size()));
      long quantity = 1 + random.nextInt(5);
      double unitPrice = (double) p[price];
      LocalDate shipped = day.plusDays(1 + i % 5);
      rows.add(
          new Object[] {
            100_000L + i / 2,
            day,
            p[key],
            (long) (1 + random.nextInt(customers)),
            (long) (1 + random.nextInt(stores)),
            quantity,
            unitPrice,
            Math.round(quantity * unitPrice * 100) / 100.0,
            shipped.isAfter(LAST_DAY) ? LAST_DAY : shipped
          });
    }
    return new ProjectLoader.TableRows(
        List.of(
            "OrderNumber",
            "OrderDate",
            "ProductKey",
            "CustomerKey",
            "StoreKey",
            "Quantity",
            "UnitPrice",
            "SalesAmount",
            "ShipDate"),
        rows);
  }
}
