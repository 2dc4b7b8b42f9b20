package dev.pbimcp.it;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The emulator's sample tenant has deterministic ids; tests may know one without listing. */
final class SampleIds {
  private SampleIds() {}

  static String workspace(String name) {
    return UUID.nameUUIDFromBytes(("workspace:" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  static String dataset(String name) {
    return UUID.nameUUIDFromBytes(("dataset:" + name).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
