/**
 * The MCP protocol engine: JSON-RPC messages, version negotiation, signed self-contained sessions,
 * and the methods of the specification (lifecycle, tools, resources, prompts, completion, logging,
 * progress, cancellation, server-to-client requests). It serves what the {@code registry} holds and
 * knows nothing about Power BI or about HTTP.
 */
package dev.pbimcp.mcp;
