package dev.pbimcp.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where the doctor reads this server's own metadata, for each way HTTP_HOST may be set. */
class MetadataProbeTest {
  @Test
  void itsOwnAddressOrLoopbackForEveryInterface() {
    assertEquals("127.0.0.1", MetadataProbe.reachable("127.0.0.1"));
    assertEquals("127.0.0.1", MetadataProbe.reachable("*"));
    assertEquals("127.0.0.1", MetadataProbe.reachable("0.0.0.0"));
    assertEquals("127.0.0.1", MetadataProbe.reachable("::"));
    assertEquals("127.0.0.1", MetadataProbe.reachable(null));
    assertEquals("10.1.2.3", MetadataProbe.reachable(" 10.1.2.3 "));
    assertEquals("[fd00::5]", MetadataProbe.reachable("fd00::5"));
    assertEquals("[::1]", MetadataProbe.reachable("[::1]"));
    assertEquals("localhost", MetadataProbe.reachable("localhost"));
  }
}
