package dev.pbimcp.bench.apps;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.Map;

/**
 * The anchor: the MCP Java SDK's own servlet transport (Streamable HTTP) on the same Liberty, with
 * one tool, {@code get_powerbi_status}, answering a fixed text of the size pbimcp's answer has.
 */
@WebListener
public class SdkAnchor implements ServletContextListener {
  private McpSyncServer server;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    McpJsonMapper json =
        new io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapperSupplier().get();
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(json)
            .mcpEndpoint("/mcp")
            .build();
    int size = Integer.getInteger("bench.status.size", 600);
    McpSchema.CallToolResult answer =
        McpSchema.CallToolResult.builder().addTextContent("x".repeat(size)).isError(false).build();
    server =
        McpServer.sync(transport)
            .serverInfo("sdk-anchor", "2.1.0")
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
            .tools(
                McpServerFeatures.SyncToolSpecification.builder()
                    .tool(
                        McpSchema.Tool.builder()
                            .name("get_powerbi_status")
                            .description("status")
                            .inputSchema(Map.of("type", "object"))
                            .build())
                    .callHandler((exchange, request) -> answer)
                    .build())
            .build();
    ServletRegistration.Dynamic servlet = event.getServletContext().addServlet("mcp", transport);
    servlet.addMapping("/mcp", "/mcp/*");
    servlet.setAsyncSupported(true);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (server != null) {
      server.closeGracefully();
    }
  }
}
