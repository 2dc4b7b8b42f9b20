/**
 * The fixtures the official MCP conformance suite calls by name (tools, resources, prompts with
 * exactly the expected contents). Test code only: deployed with the integration-test archive, never
 * with the product.
 */
package dev.pbimcp.conformance;
