/**
 * The HTTP face of the server: the Streamable HTTP endpoint at {@code /mcp} (JSON or SSE answers,
 * the session-wide GET stream, resumption), Origin and Host checks, and the mapping of transport
 * mistakes to the status codes the specification names. Protocol meaning stays in {@code mcp}.
 */
package dev.pbimcp.http;
