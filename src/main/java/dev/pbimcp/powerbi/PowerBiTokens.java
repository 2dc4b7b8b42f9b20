package dev.pbimcp.powerbi;

/**
 * Where the gateway's access tokens for Power BI come from: the emulator's, a service principal's
 * (client credentials), or, with Entra sign-in, the caller's own through On-Behalf-Of. Never the
 * token the MCP client presented.
 */
public interface PowerBiTokens {

  /** A bearer token for the Power BI API, cached by the provider until shortly before expiry. */
  String accessToken();
}
