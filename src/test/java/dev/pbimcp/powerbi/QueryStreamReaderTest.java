package dev.pbimcp.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryStreamReaderTest {
  private static QueryResult read(String json, int preview) {
    return QueryStreamReader.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), preview, true);
  }

  @Test
  void keepsAPreviewButCountsAndCsvsEveryRow() {
    QueryResult r =
        read(
            "{\"results\":[{\"tables\":[{\"rows\":[{\"T[a]\":1,\"[b]\":\"x,y\"},{\"T[a]\":2,\"[b]\":null},{\"T[a]\":3,\"[b]\":\"q\\\"\"}]}]}]}",
            2);
    assertEquals(3, r.rowCount());
    assertEquals(2, r.preview().size());
    assertEquals(java.util.List.of("T[a]", "[b]"), r.columns());
    assertEquals("T[a],[b]\r\n1,\"x,y\"\r\n2,\r\n3,\"q\"\"\"\r\n", r.csv());
    assertEquals(QueryResult.Truncation.NONE, r.truncation());
  }

  @Test
  void anErrorBesidePartialRowsIsATruncationAtAnyLevel() {
    String err =
        "{\"code\":\"DatasetExecuteQueriesError\",\"pbi.error\":{\"details\":[{\"code\":\"DetailsMessage\",\"detail\":{\"value\":\"more than the maximum of 100000 rows\"}}]}}";
    for (String json :
        new String[] {
          "{\"results\":[{\"tables\":[{\"rows\":[{\"a\":1}],\"error\":" + err + "}]}]}",
          "{\"results\":[{\"tables\":[{\"rows\":[{\"a\":1}]}],\"error\":" + err + "}]}",
          "{\"results\":[{\"tables\":[{\"rows\":[{\"a\":1}]}]}],\"error\":" + err + "}"
        }) {
      QueryResult r = read(json, 10);
      assertEquals(QueryResult.Truncation.ROW_LIMIT, r.truncation(), json);
      assertEquals(1, r.rowCount());
    }
  }

  @Test
  void anErrorWithoutRowsIsAQueryError() {
    PowerBiException e =
        assertThrows(
            PowerBiException.class,
            () ->
                read(
                    "{\"results\":[{\"error\":{\"code\":\"DatasetExecuteQueriesError\",\"message\":\"bad\"}}]}",
                    10));
    assertEquals(PowerBiException.Kind.BAD_QUERY, e.kind());
  }

  @Test
  void cutOffOrNonJsonBodiesAreMalformed() {
    for (String bad :
        new String[] {"", "<html/>", "{\"results\":[{\"tables\":[{\"rows\":[{\"x\":"}) {
      assertEquals(
          PowerBiException.Kind.MALFORMED,
          assertThrows(PowerBiException.class, () -> read(bad, 10)).kind(),
          bad);
    }
    assertTrue(read("{\"results\":[]}", 10).columns().isEmpty());
  }
}
