package dev.pbimcp.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * All JAX-RS resources live under the context root; the MCP endpoint is {@code /mcp}. MP-JWT
 * validates bearer tokens when one is sent; {@code AuthGuard} decides whether one is required.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "pbimcp")
public class RestApplication extends Application {}
