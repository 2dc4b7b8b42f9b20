package dev.pbimcp.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.powerbi.QueryResult;
import dev.pbimcp.registry.ToolPolicy;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A query's answer shaped to its share of the result budget. */
class ResultFitTest {
  private static QueryResult result(int rows, int previewRows) {
    List<List<JsonValue>> preview = new ArrayList<>();
    StringBuilder csv = new StringBuilder("T[a],T[b]\r\n");
    for (int i = 0; i < rows; i++) {
      if (i < previewRows) {
        preview.add(List.of(Json.createValue(i), Json.createValue("text \"" + i + "\"")));
      }
      csv.append(i).append(",\"text \"\"").append(i).append("\"\"\"\r\n");
    }
    return new QueryResult(
        List.of("T[a]", "T[b]"), preview, rows, QueryResult.Truncation.NONE, null, csv.toString());
  }

  @Test
  void aSmallAnswerIsWholeAndNeedsNoCsv() {
    ResultFit.Fit fit = ResultFit.of(result(10, 10), 0, 100_000);
    assertEquals(10, fit.previewRows());
    assertNull(fit.csv());
  }

  @Test
  void aLargeAnswerShrinksThePreviewAndCutsTheCsvAtARow() {
    ResultFit.Fit fit = ResultFit.of(result(50_000, 1_000), 0, 25_000);
    assertTrue(fit.previewRows() < 1_000 && fit.previewRows() > 0, "preview: " + fit.previewRows());
    assertTrue(fit.csvRows() > 0 && fit.csvRows() < 50_000, "csv rows: " + fit.csvRows());
    assertTrue(fit.csv().endsWith("\r\n"), "cut at a row boundary");
    assertEquals(fit.csvRows() + 1, fit.csv().split("\r\n").length);
    long escaped = Json.createValue(fit.csv()).toString().length();
    assertTrue(escaped <= 25_000 - ResultFit.OVERHEAD, "the CSV fits its share: " + escaped);
  }

  @Test
  void aBudgetTooSmallToBeUsefulStopsTheServer() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ToolPolicy(true, "all", 5_000));
    assertTrue(e.getMessage().contains("PBIMCP_RESULT_MAX_CHARS"), e.getMessage());
  }
}
