package dev.pbimcp.tools;

import dev.pbimcp.cdi.Unproxied;
import dev.pbimcp.powerbi.PowerBiException;
import dev.pbimcp.powerbi.PowerBiGateway;
import dev.pbimcp.powerbi.QueryResult;
import dev.pbimcp.powerbi.QueryWindow;
import dev.pbimcp.registry.Content;
import dev.pbimcp.registry.Param;
import dev.pbimcp.registry.ToolAnnotations;
import dev.pbimcp.registry.ToolContext;
import dev.pbimcp.registry.ToolException;
import dev.pbimcp.registry.ToolPolicy;
import dev.pbimcp.registry.Toolset;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code execute_powerbi_query}: 1–4 DAX queries against one semantic model. Each answer shows a
 * preview of at most max_rows rows, the exact number of rows Power BI returned, whether Power BI
 * itself cut the answer short and why; when there are more rows than the preview, the returned rows
 * travel as an embedded CSV resource. The whole answer stays within the result budget
 * (PBIMCP_RESULT_MAX_CHARS, shared by the queries): the preview shrinks first, then the CSV is cut
 * at a row boundary, and the answer says how many rows each holds. Nothing is capped silently.
 */
@Unproxied
@Toolset("query")
public class QueryTool extends PowerBiTool<QueryTool.Input, QueryTool.Output> {

  /** Arguments. */
  public record Input(
      @Param(value = "Workspace id.", required = true) String workspaceId,
      @Param(value = "Semantic model (dataset) id.", required = true) String datasetId,
      @Param(
              value = "DAX queries, each starting with EVALUATE (or DEFINE … EVALUATE); 1 to 4.",
              required = true,
              minItems = 1,
              maxItems = 4)
          List<String> queries,
      @Param(
              value = "Rows to show per query (the preview); the server's default is usually 100.",
              min = 1,
              max = 1000)
          Integer maxRows,
      @Param(
              value =
                  "Skip this many rows of each answer, to read on where an earlier answer stopped:"
                      + " pass its next_offset. The query runs again; nothing is kept between calls.",
              min = 0,
              max = 100000)
          Long offset,
      @Param(
              value =
                  "Run as this user (UPN) to test row-level security; only when the server allows it.",
              maxLength = 256)
          String impersonatedUser) {}

  /** One query's answer. */
  public record QueryOutput(
      @Param(value = "Position of the query in the call, from 0.", required = true) int index,
      @Param("Column names as Power BI returns them: Table[Column] or [Alias].")
          List<String> columns,
      @Param("The preview rows, values in column order.") List<List<JsonValue>> rows,
      @Param(value = "How many rows Power BI returned in all.", required = true) long rowCount,
      @Param(
              value = "Position of the first row shown, from 0 (the offset asked for).",
              required = true)
          long firstRow,
      @Param(
              "Pass this as offset to read the rows after those this answer holds; absent when it"
                  + " holds the last of them.")
          Long nextOffset,
      @Param(value = "True when the preview shows fewer rows than row_count.", required = true)
          boolean previewTruncated,
      @Param(
              value =
                  "True when Power BI itself stopped early (100,000 rows, 1,000,000 values or 15 MB).",
              required = true)
          boolean truncatedByPowerBi,
      @Param("Why Power BI stopped early: ROW_LIMIT, VALUE_LIMIT, SIZE_LIMIT or OTHER.")
          String truncationReason,
      @Param("Power BI's own words about the truncation.") String truncationDetail,
      @Param("URI of the embedded CSV of the returned rows, when there are more than the preview.")
          String csvUri,
      @Param(
              "Rows in the embedded CSV, from the first; fewer than row_count when the CSV was cut"
                  + " to fit one tool result.")
          Long csvRowCount,
      @Param(
              "A resource to read (resources/read) for the rows from next_offset on, as CSV; for"
                  + " clients of 2025-06-18 and later, for an hour, for this user only.")
          String restUri,
      @Param("Why this query failed, if it did; the other queries still ran.") String error) {}

  /** All answers. */
  public record Output(
      @Param(value = "One entry per query, in order.", required = true)
          List<QueryOutput> results) {}

  private final PowerBiGateway gateway;
  private final ResultLinks links;
  private final int defaultPreview;
  private final boolean allowImpersonation;
  private final int budget;

  @Inject
  public QueryTool(
      PowerBiGateway gateway,
      ToolPolicy policy,
      ResultLinks links,
      @ConfigProperty(name = "pbimcp.query.preview-rows", defaultValue = "100") int defaultPreview,
      @ConfigProperty(name = "pbimcp.query.allow-impersonation", defaultValue = "false")
          boolean allowImpersonation) {
    super(
        Input.class,
        Output.class,
        "execute_powerbi_query",
        "Run DAX queries",
        "Runs 1 to 4 DAX queries (EVALUATE …) against a Power BI semantic model and returns the rows."
            + " Get exact table, column and measure names from get_powerbi_model_schema first, and"
            + " exact filter values from find_powerbi_values. Prefer one EVALUATE SUMMARIZECOLUMNS(…)"
            + " with the model's measures, filtered by TREATAS({…}, 'Table'[Column]) or"
            + " KEEPFILTERS(FILTER(ALL('Table'[Column]), …)); DEFINE MEASURE or VAR for helpers; TOPN"
            + " to limit rows; end with ORDER BY. The answer says how many rows exist beyond the"
            + " preview.",
        ToolAnnotations.readOnly(true));
    this.gateway = gateway;
    this.links = links;
    this.budget = policy == null ? ToolPolicy.DEFAULT_RESULT_BUDGET : policy.resultBudget();
    this.defaultPreview = Math.max(1, defaultPreview);
    this.allowImpersonation = allowImpersonation;
  }

  @Override
  protected Answer<Output> run(Input in, ToolContext context) {
    String ws = guid(in.workspaceId(), "workspace_id");
    String ds = guid(in.datasetId(), "dataset_id");
    if (in.impersonatedUser() != null && !allowImpersonation) {
      throw new ToolException(
          "Impersonation is turned off on this server (PBIMCP_QUERY_ALLOW_IMPERSONATION). Run the"
              + " query without impersonated_user.");
    }
    int preview = in.maxRows() == null ? defaultPreview : in.maxRows();
    long offset = in.offset() == null ? 0 : in.offset();
    List<QueryOutput> results = new ArrayList<>();
    List<JsonObject> attachments = new ArrayList<>();
    int failed = 0;
    for (int i = 0; i < in.queries().size(); i++) {
      try {
        QueryResult r =
            gateway.query(
                ws,
                ds,
                in.queries().get(i),
                new QueryWindow(offset, preview, 2L * budget / in.queries().size()),
                in.impersonatedUser());
        boolean linked = links(context);
        String dax = in.queries().get(i);
        // The link's room comes out of the query's share first; its length hardly depends on
        // the offset it will carry.
        int linkRoom =
            linked
                ? links.link(ws, ds, dax, r.rowCount(), in.impersonatedUser()).length() + 400
                : 0;
        ResultFit.Fit fit = ResultFit.of(r, offset, budget / in.queries().size() - linkRoom);
        long held = Math.max(fit.previewRows(), fit.csv() == null ? 0 : fit.csvRows());
        Long next = offset + held < r.rowCount() ? offset + held : null;
        String csvUri = null;
        if (fit.csv() != null) {
          csvUri = "pbimcp://embedded-results/" + UUID.randomUUID() + ".csv";
          attachments.add(Content.resource(csvUri, "text/csv", fit.csv()));
        }
        String restUri = null;
        if (next != null && linked) {
          restUri = links.link(ws, ds, dax, next, in.impersonatedUser());
          attachments.add(
              Content.resourceLink(
                  restUri,
                  "query-" + (i + 1) + "-rows-" + (next + 1) + "-on.csv",
                  "text/csv",
                  "Rows "
                      + (next + 1)
                      + " to "
                      + r.rowCount()
                      + " of query "
                      + (i + 1)
                      + " as CSV (read with resources/read; valid for an hour)."));
        }
        boolean cut = r.truncation() != QueryResult.Truncation.NONE;
        results.add(
            new QueryOutput(
                i,
                r.columns(),
                r.preview().subList(0, fit.previewRows()),
                r.rowCount(),
                offset,
                next,
                r.rowCount() - offset > fit.previewRows(),
                cut,
                cut ? r.truncation().name() : null,
                r.truncationDetail(),
                csvUri,
                fit.csv() == null ? null : fit.csvRows(),
                restUri,
                null));
      } catch (PowerBiException e) {
        if (e.kind() != PowerBiException.Kind.BAD_QUERY) {
          throw e;
        }
        failed++;
        results.add(
            new QueryOutput(
                i,
                List.of(),
                List.of(),
                0,
                0,
                null,
                false,
                false,
                null,
                null,
                null,
                null,
                null,
                e.getMessage()));
      }
      context.progress(i + 1, (double) in.queries().size(), null);
    }
    if (failed == in.queries().size()) {
      throw new ToolException(String.join("\n", results.stream().map(QueryOutput::error).toList()));
    }
    return new Answer<>(new Output(results), attachments);
  }

  /** resource_link content exists from 2025-06-18 on; older clients get the embedded CSV only. */
  private static boolean links(ToolContext context) {
    return context.protocolVersion().compareTo("2025-06-18") >= 0;
  }

  @Override
  protected String render(Output o) {
    StringBuilder b = new StringBuilder();
    for (QueryOutput q : o.results()) {
      if (o.results().size() > 1) {
        b.append("Query ").append(q.index() + 1).append(":\n");
      }
      if (q.error() != null) {
        b.append(q.error()).append("\n\n");
        continue;
      }
      if (q.columns().isEmpty()) {
        // Power BI names no columns when a query returns no rows.
        b.append("The query returned no rows.\n\n");
        continue;
      }
      List<List<String>> rows =
          q.rows().stream().map(r -> r.stream().map(QueryTool::cell).toList()).toList();
      b.append(Tables.markdown(q.columns(), rows));
      b.append(q.rowCount()).append(" row(s)");
      if (q.firstRow() > 0 || q.previewTruncated()) {
        b.append("; rows ")
            .append(q.firstRow() + 1)
            .append(" to ")
            .append(q.firstRow() + q.rows().size())
            .append(" are shown");
        if (q.csvRowCount() != null) {
          b.append(", rows ")
              .append(q.firstRow() + 1)
              .append(" to ")
              .append(q.firstRow() + q.csvRowCount())
              .append(" are in the attached CSV");
        }
      }
      if (q.nextOffset() != null) {
        b.append(". The rest does not fit in one answer: call again with offset ")
            .append(q.nextOffset())
            .append(q.restUri() == null ? "" : " or read the attached link")
            .append(" to read on, or filter or aggregate the query");
      }
      if (q.truncatedByPowerBi()) {
        b.append(". Power BI stopped early (")
            .append(q.truncationReason())
            .append("): ")
            .append(q.truncationDetail())
            .append(" Aggregate or filter the query to see everything");
      }
      b.append(".\n\n");
    }
    return b.toString().strip();
  }

  private static String cell(JsonValue v) {
    return v == null || v.getValueType() == JsonValue.ValueType.NULL
        ? ""
        : v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
  }
}
