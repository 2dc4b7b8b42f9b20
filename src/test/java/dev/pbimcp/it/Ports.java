package dev.pbimcp.it;

/** Ports the build hands to the tests (the same ones the pom gives Liberty). */
final class Ports {
  private Ports() {}

  static int http() {
    return Integer.getInteger("http.port", 9080);
  }

  static int second() {
    return Integer.getInteger("it.second.http.port", 9081);
  }

  static int third() {
    return Integer.getInteger("it.third.http.port", 9082);
  }
}
