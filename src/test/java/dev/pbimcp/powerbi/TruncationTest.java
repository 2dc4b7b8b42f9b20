package dev.pbimcp.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pbimcp.powerbi.QueryResult.Truncation;
import org.junit.jupiter.api.Test;

/** Power BI's partial-result messages, each mapped to the limit it names. */
class TruncationTest {
  @Test
  void theRowLimit() {
    assertEquals(
        Truncation.ROW_LIMIT,
        Truncation.of(
            "The query returned more than the maximum of 100000 rows; only the first 100000 rows are included."));
    assertEquals(Truncation.ROW_LIMIT, Truncation.of("Row limit of 100,000 rows exceeded."));
  }

  @Test
  void theValueLimitThoughTheMessageAlsoCountsRows() {
    assertEquals(
        Truncation.VALUE_LIMIT,
        Truncation.of(
            "The query returned more than the maximum of 1000000 values; only the first 76923 rows are included."));
    assertEquals(
        Truncation.VALUE_LIMIT, Truncation.of("Exceeded the limit of 1,000,000 values (cells)."));
  }

  @Test
  void theSizeLimitThoughTheMessageAlsoCountsRows() {
    assertEquals(
        Truncation.SIZE_LIMIT,
        Truncation.of(
            "The query result exceeded the maximum size of 15 MB; only the first 64917 rows are included."));
    assertEquals(Truncation.SIZE_LIMIT, Truncation.of("Response exceeded 15MB."));
  }

  @Test
  void anythingElseIsOther() {
    assertEquals(Truncation.OTHER, Truncation.of("The operation was cancelled."));
    assertEquals(Truncation.OTHER, Truncation.of(null));
  }
}
