/**
 * The OAuth façade: what MCP clients need from an authorization server and Entra ID does not offer
 * (RFC 8414 metadata with PKCE, a {@code resource} parameter it tolerates, client registration), in
 * front of Entra. Stateless: everything in flight travels sealed in the flow's own parameters. It
 * never mints a token; clients get Entra's tokens unchanged, and MicroProfile JWT checks them.
 */
package dev.pbimcp.oauth;
