package dev.pbimcp.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pbimcp.powerbi.PowerBiException.Kind;
import org.junit.jupiter.api.Test;

/** Each error shape Power BI is known to return becomes a sentence that says what to do. */
class PowerBiErrorMapperTest {
  private static final String DAX_ERROR =
      "{\"error\":{\"code\":\"DatasetExecuteQueriesError\",\"pbi.error\":{\"code\":\"DatasetExecuteQueriesError\","
          + "\"details\":[{\"code\":\"DetailsMessage\",\"detail\":{\"type\":1,\"value\":\"Query (1, 15) The table 'Nope' cannot be found.\"}},"
          + "{\"code\":\"AnalysisServicesErrorCode\",\"detail\":{\"type\":1,\"value\":\"3242524690\"}}]}}}";

  @Test
  void daxErrorsCarryThePbiErrorDetailNotTheErrorCode() {
    PowerBiException e = PowerBiErrorMapper.decode(400, DAX_ERROR, "req-1", null);
    assertEquals(Kind.BAD_QUERY, e.kind());
    assertTrue(
        e.getMessage().contains("Query (1, 15) The table 'Nope' cannot be found"), e.getMessage());
    assertFalse(e.getMessage().contains("3242524690"), "the numeric code is noise for users");
    assertTrue(e.getMessage().contains("get_powerbi_model_schema"));
  }

  @Test
  void notFoundMeansMissingOrNoAccess() {
    PowerBiException e =
        PowerBiErrorMapper.decode(
            404,
            "{\"error\":{\"code\":\"PowerBIEntityNotFound\",\"pbi.error\":{\"code\":\"PowerBIEntityNotFound\",\"details\":[]}}}",
            "req-2",
            null);
    assertEquals(Kind.NOT_FOUND, e.kind());
    assertTrue(
        e.getMessage().contains("no access") && e.getMessage().contains("req-2"), e.getMessage());
  }

  @Test
  void aDisabledTenantSettingNamesTheSetting() {
    PowerBiException e =
        PowerBiErrorMapper.decode(
            401,
            "{\"error\":{\"code\":\"PowerBINotAuthorizedException\",\"pbi.error\":{\"code\":\"PowerBINotAuthorizedException\",\"details\":[]}}}",
            null,
            null);
    assertEquals(Kind.UNAUTHORIZED, e.kind());
    assertTrue(e.getMessage().contains("Semantic Model Execute Queries REST API"), e.getMessage());
  }

  @Test
  void tokenProblemsWithAnEmptyBodyStillSaySomething() {
    PowerBiException e = PowerBiErrorMapper.decode(401, "", "req-3", null);
    assertEquals(Kind.UNAUTHORIZED, e.kind());
    assertTrue(
        e.getMessage().contains("HTTP 401") && e.getMessage().contains("req-3"), e.getMessage());
  }

  @Test
  void forbiddenExplainsBuildPermission() {
    assertTrue(
        PowerBiErrorMapper.decode(403, "", null, null).getMessage().contains("Build permission"));
  }

  @Test
  void throttlingCarriesRetryAfter() {
    PowerBiException e = PowerBiErrorMapper.decode(429, "", null, "17");
    assertEquals(Kind.THROTTLED, e.kind());
    assertEquals(17, e.retryAfterSeconds().orElseThrow());
    assertTrue(e.getMessage().contains("Retry after 17 s"));
  }

  @Test
  void serverErrorsAreTemporary() {
    PowerBiException e = PowerBiErrorMapper.decode(503, "<html>oops</html>", "req-4", null);
    assertEquals(Kind.UNAVAILABLE, e.kind());
    assertTrue(e.getMessage().contains("Try again"));
  }

  @Test
  void aPlainErrorMessageIsUsedWhenThereAreNoDetails() {
    PowerBiException e =
        PowerBiErrorMapper.decode(
            400,
            "{\"error\":{\"code\":\"InvalidRequest\",\"message\":\"Invalid OData $filter\"}}",
            null,
            null);
    assertEquals(Kind.BAD_REQUEST, e.kind());
    assertTrue(e.getMessage().contains("Invalid OData $filter"), e.getMessage());
  }
}
