package dev.pbimcp.powerbi;

/** The sentences users read when Power BI says no: what happened and what to do next. */
final class PowerBiMessages {
  private PowerBiMessages() {}

  static String describe(
      PowerBiException.Kind kind,
      int status,
      String code,
      String detail,
      String requestId,
      Integer retryAfter) {
    String ref = requestId == null ? "" : " (Power BI request id " + requestId + ")";
    return switch (kind) {
      case NOT_FOUND ->
          "Power BI could not find that workspace, semantic model, report or dashboard, or you have no"
              + " access to it. Check the id with list_powerbi_workspaces or get_powerbi_datasets."
              + ref;
      case UNAUTHORIZED ->
          "Power BI did not accept the server's credentials (HTTP 401"
              + (code == null ? "" : ", " + code)
              + "). An administrator must enable the tenant setting that allows these APIs (for"
              + " executeQueries: 'Semantic Model Execute Queries REST API'; for a service principal:"
              + " 'Service principals can use Fabric APIs') and add the identity to the workspace."
              + ref;
      case FORBIDDEN ->
          "Power BI refused access (HTTP 403). Running DAX needs Read and Build permission on the"
              + " semantic model; ask its owner to grant them."
              + ref;
      case BAD_QUERY ->
          "The DAX query failed: "
              + (detail == null
                  ? "Power BI gave no details"
                  : detail.strip().replaceAll("\\.+$", ""))
              + ". Correct the query (get_powerbi_model_schema lists the exact table, column and"
              + " measure names) and run it again.";
      case BAD_REQUEST ->
          "Power BI rejected the request (HTTP "
              + status
              + (detail == null ? "" : ": " + detail)
              + ")."
              + ref;
      case THROTTLED ->
          "Power BI is throttling requests (at most 120 queries per minute per user)."
              + (retryAfter == null ? " Wait a minute" : " Retry after " + retryAfter + " s")
              + " and try again.";
      case UNAVAILABLE ->
          "Power BI had a temporary problem (HTTP " + status + "). Try again in a minute." + ref;
      default -> "Power BI call failed (HTTP " + status + ")." + ref;
    };
  }
}
