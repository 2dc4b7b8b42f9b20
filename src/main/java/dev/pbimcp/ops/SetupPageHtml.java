package dev.pbimcp.ops;

import static dev.pbimcp.oauth.Pages.escape;

import java.util.List;

/**
 * The setup page, as HTML written here (no front-end build): what the server is, the address to
 * paste into Claude with a copy button, what Claude's Advanced settings take, the Entra app it
 * expects, and the doctor's verdicts where they may be shown.
 */
public final class SetupPageHtml {
  /** What the page shows; {@code checks} is null where the doctor's details are not shown. */
  public record Facts(
      String version,
      String mcpUrl,
      String base,
      boolean entra,
      String tenantId,
      String clientId,
      String scope,
      List<Check> checks) {}

  private SetupPageHtml() {}

  public static String render(Facts f) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Power BI MCP server</title><style>")
        .append("body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;")
        .append("padding:0 1rem;color:#222}code,input{font:14px ui-monospace,monospace}")
        .append("input{width:70%;padding:.3rem}table{border-collapse:collapse;width:100%}")
        .append("td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;")
        .append("vertical-align:top}.pass{color:#16794c}.warn{color:#9a6700}.fail{color:#c4314b}")
        .append(".skip{color:#777}</style></head><body>")
        .append("<h1>Power BI MCP server</h1><p>pbimcp ")
        .append(escape(f.version()))
        .append(" answers questions about Microsoft Power BI (workspaces, semantic models,")
        .append(" their schemas and DAX queries) for Claude and every other MCP client.</p>");
    b.append("<h2>Add it to Claude</h2><p><label for=\"mcp-url\">Connector URL</label><br>")
        .append("<input id=\"mcp-url\" readonly value=\"")
        .append(escape(f.mcpUrl()))
        .append("\"> <button id=\"copy\" type=\"button\">Copy</button>")
        .append(" <span id=\"copied\" role=\"status\"></span></p><ol>")
        .append("<li>In Claude: <b>Settings → Connectors → Add custom connector</b>.</li>")
        .append("<li>Name it (Power BI) and paste the URL above.</li>");
    if (f.entra()) {
      b.append("<li><b>Advanced settings</b>: OAuth Client ID <code>")
          .append(escape(f.clientId()))
          .append("</code> and OAuth Client Secret: the app's client secret (never shown here).")
          .append(" Left empty, Claude registers itself with this server.</li>")
          .append("<li>Connect, and sign in with your Microsoft account.</li>");
    } else {
      b.append("<li>Leave <b>Advanced settings</b> empty: this server has no sign-in and answers")
          .append(" from its built-in Power BI emulator with sample data.</li>");
    }
    b.append("</ol>");
    b.append("<h2>Sign-in</h2>");
    if (f.entra()) {
      b.append("<p>Microsoft Entra ID, tenant <code>")
          .append(escape(f.tenantId()))
          .append("</code>. The app registration it expects:</p><ul>")
          .append("<li>Platform <b>Web</b> with a client secret, redirect URI <code>")
          .append(escape(f.base()))
          .append("/oauth/callback</code></li><li>Exposed scope <code>")
          .append(escape(f.scope()))
          .append("</code></li><li>Delegated Power BI permissions Dataset.Read.All,")
          .append(" Workspace.Read.All, Report.Read.All, Dashboard.Read.All, with admin")
          .append(" consent</li><li>Access tokens of version 2")
          .append(" (<code>requestedAccessTokenVersion: 2</code>)</li></ul>");
    } else {
      b.append("<p>None: local use only. Set AZURE_TENANT_ID, AZURE_CLIENT_ID and")
          .append(" AZURE_CLIENT_SECRET for Entra ID sign-in and the real Power BI.</p>");
    }
    b.append("<h2>Connection doctor</h2>");
    if (f.checks() == null) {
      b.append("<p>The doctor's verdicts are shown on this server's own machine: open")
          .append(" <code>http://127.0.0.1:&lt;port&gt;/</code> there (on Azure, from the Web")
          .append(
              " App's SSH console), or read <code>/setup/doctor</code> there as JSON. Signed in")
          .append(
              " with the app role <code>PowerBiMcp.Admin</code> (<code>PBIMCP_ADMIN_ROLE</code>),")
          .append(
              " an administrator sees each check that does not pass, and its fix, in <code>get_powerbi_status</code>")
          .append(" from any MCP client.</p>");
    } else {
      b.append("<table><thead><tr><th>Check</th><th>Verdict</th><th>Found</th><th>Fix</th>")
          .append("</tr></thead><tbody>");
      for (Check c : f.checks()) {
        String v = c.verdict().name().toLowerCase(java.util.Locale.ROOT);
        b.append("<tr data-check=\"")
            .append(escape(c.id()))
            .append("\"><td>")
            .append(escape(c.title()))
            .append("</td><td class=\"")
            .append(v)
            .append("\">")
            .append(v)
            .append("</td><td>")
            .append(escape(c.detail()))
            .append("</td><td>")
            .append(c.fix() == null ? "" : escape(c.fix()))
            .append("</td></tr>");
      }
      b.append("</tbody></table><p>JSON: <code>/setup/doctor</code>. Results are reused for")
          .append(" <code>PBIMCP_DOCTOR_CACHE_SECONDS</code> (60 s unless set).</p>");
    }
    b.append("<script>document.getElementById('copy').addEventListener('click',function(){")
        .append("var u=document.getElementById('mcp-url');u.select();")
        .append("(navigator.clipboard?navigator.clipboard.writeText(u.value):")
        .append("Promise.resolve(document.execCommand('copy'))).then(function(){")
        .append("document.getElementById('copied').textContent='Copied';});});</script>")
        .append("</body></html>");
    return b.toString();
  }
}
