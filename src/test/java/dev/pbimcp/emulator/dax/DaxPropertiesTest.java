package dev.pbimcp.emulator.dax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.emulator.model.Column;
import dev.pbimcp.emulator.model.Model;
import dev.pbimcp.emulator.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws the engine must keep on any model: generated star schemas (a dimension with groups, a fact
 * table whose keys sometimes match no dimension row), checked against sums computed here in Java.
 */
class DaxPropertiesTest {

  /** A generated model: dimension rows (key, group) and fact rows (key, value). */
  record Data(List<long[]> dim, List<long[]> facts) {
    Engine engine() {
      List<Object[]> d = new ArrayList<>();
      dim.forEach(r -> d.add(new Object[] {r[0], "g" + r[1]}));
      List<Object[]> f = new ArrayList<>();
      facts.forEach(r -> f.add(new Object[] {r[0], r[1]}));
      return Engine.of(
          new Model(
              List.of(
                  new Table(
                      "Dim",
                      null,
                      false,
                      List.of(Column.of("key", "Int64"), Column.of("grp", "String")),
                      d),
                  new Table(
                      "Fact",
                      null,
                      false,
                      List.of(Column.of("key", "Int64"), Column.of("v", "Int64")),
                      f)),
              List.of(new Model.Measure("Fact", "S", "SUM(Fact[v])", null, null)),
              List.of(new Model.Relationship("Fact", "key", "Dim", "key"))));
    }

    /** The group of each fact row (null for unmatched keys), as SQL's LEFT JOIN would give it. */
    Map<String, Long> sumsByGroup() {
      Map<Long, String> groupOf = new HashMap<>();
      dim.forEach(r -> groupOf.put(r[0], "g" + r[1]));
      Map<String, Long> out = new HashMap<>();
      for (long[] f : facts) {
        out.merge(String.valueOf(groupOf.get(f[0])), f[1], Long::sum);
      }
      return out;
    }

    long total() {
      return facts.stream().mapToLong(f -> f[1]).sum();
    }
  }

  @Provide
  Arbitrary<Data> models() {
    Arbitrary<List<long[]>> dim =
        Arbitraries.integers()
            .between(1, 12)
            .flatMap(
                n ->
                    Arbitraries.integers()
                        .between(0, 3)
                        .list()
                        .ofSize(n)
                        .map(
                            groups -> {
                              List<long[]> rows = new ArrayList<>();
                              for (int i = 0; i < groups.size(); i++) {
                                rows.add(new long[] {i + 1, groups.get(i)});
                              }
                              return rows;
                            }));
    Arbitrary<List<long[]>> facts =
        Combinators.combine(
                Arbitraries.longs().between(1, 14), Arbitraries.longs().between(-50, 50))
            .as((k, v) -> new long[] {k, v})
            .list()
            .ofMinSize(1)
            .ofMaxSize(60);
    return Combinators.combine(dim, facts).as(Data::new);
  }

  private static List<Object[]> rows(Engine e, String q) {
    return e.run(q, "u").get(0).rows();
  }

  @Property(tries = 200)
  void totalsEqualTheSumOfTheirGroups(@ForAll("models") Data data) {
    Engine e = data.engine();
    long groups = 0;
    for (Object[] r : rows(e, "EVALUATE SUMMARIZECOLUMNS(Dim[grp], \"s\", [S])")) {
      groups += r[1] == null ? 0 : (Long) r[1];
    }
    assertEquals(data.total(), groups);
    assertEquals(data.total(), (Long) rows(e, "EVALUATE ROW(\"t\", [S])").get(0)[0]);
  }

  @Property(tries = 200)
  void summarizeColumnsEqualsAGroupBy(@ForAll("models") Data data) {
    Map<String, Long> expected = new HashMap<>(data.sumsByGroup());
    // SUMMARIZECOLUMNS drops a group whose only value is blank; a zero sum is not blank.
    Map<String, Long> actual = new HashMap<>();
    for (Object[] r : rows(data.engine(), "EVALUATE SUMMARIZECOLUMNS(Dim[grp], \"s\", [S])")) {
      actual.put(String.valueOf(r[0]), (Long) r[1]);
    }
    assertEquals(expected, actual);
  }

  @Property(tries = 200)
  void filterReturnsASubsetThatSatisfiesItsCondition(
      @ForAll("models") Data data, @ForAll @IntRange(min = -50, max = 50) int threshold) {
    Engine e = data.engine();
    List<Object[]> kept = rows(e, "EVALUATE FILTER(Fact, Fact[v] > " + threshold + ")");
    assertTrue(kept.size() <= data.facts().size());
    assertTrue(kept.stream().allMatch(r -> (Long) r[1] > threshold));
    assertEquals(data.facts().stream().filter(f -> f[1] > threshold).count(), kept.size());
  }

  @Property(tries = 200)
  void allOnAColumnIgnoresItsFilter(@ForAll("models") Data data) {
    for (Object[] r :
        rows(
            data.engine(),
            "EVALUATE SUMMARIZECOLUMNS(Dim[grp], \"s\", [S], \"all\", CALCULATE([S], ALL(Dim[grp])))")) {
      assertEquals(data.total(), (Long) r[2]);
    }
  }

  @Property(tries = 200)
  void topnReturnsNRowsPlusTiesInOrder(
      @ForAll("models") Data data, @ForAll @IntRange(min = 1, max = 10) int n) {
    List<Object[]> top = rows(data.engine(), "EVALUATE TOPN(" + n + ", Fact, Fact[v], DESC)");
    List<Long> values =
        data.facts().stream().map(f -> f[1]).sorted((a, b) -> Long.compare(b, a)).toList();
    int expected = Math.min(n, values.size());
    long cut = values.get(expected - 1);
    long ties = values.stream().filter(v -> v >= cut).count();
    assertEquals(ties, top.size(), "n rows and every row tied with the last");
    assertTrue(top.stream().allMatch(r -> (Long) r[1] >= cut));
    for (int i = 1; i < top.size(); i++) {
      assertTrue((Long) top.get(i - 1)[1] >= (Long) top.get(i)[1], "in order");
    }
  }

  @Property(tries = 100)
  void keepFiltersIntersectsAndPlainFiltersReplace(@ForAll("models") Data data) {
    Engine e = data.engine();
    for (Object[] r :
        rows(
            e,
            "EVALUATE SUMMARIZECOLUMNS(Dim[grp], \"s\", [S], \"g0\", CALCULATE([S], Dim[grp] = \"g0\"), \"keep\", CALCULATE([S], KEEPFILTERS(Dim[grp] = \"g0\")))")) {
      Object g0 = data.sumsByGroup().get("g0");
      assertEquals(g0, r[2]);
      assertTrue(Objects.equals(r[3], "g0".equals(r[0]) ? g0 : null));
    }
  }
}
