package dev.pbimcp.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All JAX-RS resources live under the context root; the MCP endpoint is {@code /mcp}. */
@ApplicationPath("/")
public class RestApplication extends Application {}
