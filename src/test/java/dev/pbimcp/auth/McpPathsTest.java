package dev.pbimcp.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** One list of MCP paths, and Liberty's MP JWT filter held to it. */
class McpPathsTest {
  @Test
  void theMcpPathsAndNothingElse() {
    for (String p : new String[] {"/mcp", "mcp", "/mcp/", "/sse", "/messages", "messages"}) {
      assertTrue(McpPaths.covers(p), p);
    }
    for (String p :
        new String[] {
          "/.well-known/oauth-protected-resource/mcp",
          "/mcpx",
          "/oauth/token",
          "/",
          "",
          "/emulator/mcp"
        }) {
      assertFalse(McpPaths.covers(p), p);
    }
  }

  @Test
  void serverXmlsAuthFilterIsTheSameList() throws Exception {
    Element root =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("src/main/liberty/config/server.xml").toFile())
            .getDocumentElement();
    NodeList urls = root.getElementsByTagName("requestUrl");
    Map<String, String> byMatch = new HashMap<>();
    for (int i = 0; i < urls.getLength(); i++) {
      Element e = (Element) urls.item(i);
      byMatch.put(e.getAttribute("matchType"), e.getAttribute("urlPattern"));
    }
    assertEquals(McpPaths.authFilterPattern(), byMatch.get("contains"));
    assertEquals("/.well-known/", byMatch.get("notContain"), "the metadata paths are never judged");
    assertEquals(2, byMatch.size());
  }
}
