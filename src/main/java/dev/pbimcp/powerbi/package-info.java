/**
 * Power BI access: where the REST API is (the real service or the built-in emulator) and, later,
 * the gateway every tool calls. Knows nothing about MCP.
 */
package dev.pbimcp.powerbi;
