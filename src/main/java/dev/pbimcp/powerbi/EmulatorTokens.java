package dev.pbimcp.powerbi;

/** The built-in emulator accepts any bearer token; this one says where it came from. */
final class EmulatorTokens implements PowerBiTokens {
  @Override
  public String accessToken() {
    return "pbimcp-emulator-token";
  }
}
