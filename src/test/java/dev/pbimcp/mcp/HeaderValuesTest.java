package dev.pbimcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mcp-Name and Mcp-Param-* values as SEP-2243 writes them. */
class HeaderValuesTest {
  @Test
  void literalValuesAreStripped() {
    assertEquals(Optional.of("get_powerbi_status"), HeaderValues.decode(" get_powerbi_status\t"));
    assertEquals(Optional.of("=?"), HeaderValues.decode("=?"));
    assertEquals(Optional.of("a=?base64?eA==?="), HeaderValues.decode("a=?base64?eA==?="));
  }

  @Test
  void base64SentinelsAreDecoded() {
    assertEquals(
        Optional.of("Ventes 2026 – é"), HeaderValues.decode("=?base64?VmVudGVzIDIwMjYg4oCTIMOp?="));
    assertEquals(Optional.of(""), HeaderValues.decode(" =?base64??= "));
  }

  @Test
  void invalidBase64IsRefused() {
    assertEquals(Optional.empty(), HeaderValues.decode("=?base64?eA?="));
    assertEquals(Optional.empty(), HeaderValues.decode("=?base64?e-A_?="));
  }
}
