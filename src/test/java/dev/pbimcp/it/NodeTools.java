package dev.pbimcp.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the repository's scripts and the npm-installed MCP clients from the tests. */
final class NodeTools {
  private NodeTools() {}

  static Path root() {
    return Path.of(System.getProperty("node.dir", "src/test/node")).resolve("../../..").normalize();
  }

  static Path nodeDir() {
    return Path.of(System.getProperty("node.dir", "src/test/node"));
  }

  private static String node;

  /** A Node 22 or newer for this machine, as scripts/node22 finds or installs it (once). */
  static synchronized String node() {
    if (node == null) {
      try {
        Result r = run(List.of("bash", "scripts/node22"), 300);
        String[] lines = r.output().strip().split("\n");
        if (r.exitCode() != 0) {
          throw new AssertionError("scripts/node22 found no Node 22:\n" + r.output());
        }
        node = lines[lines.length - 1].strip();
      } catch (IOException e) {
        throw new AssertionError("scripts/node22 could not run", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return node;
  }

  /** The outcome of a process: exit code and everything it printed. */
  record Result(int exitCode, String output) {}

  static Result run(List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    return run(command, timeoutSeconds, java.util.Map.of());
  }

  /** With further environment variables for the process. */
  static Result run(List<String> command, int timeoutSeconds, java.util.Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(command);
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.directory(root().toFile()).start();
    var output = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try {
                output.append(
                    new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                output.append("[output lost: ").append(e.getMessage()).append(']');
              }
            });
    reader.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      reader.join(5000);
      throw new AssertionError("timed out after " + timeoutSeconds + " s: " + cmd + "\n" + output);
    }
    reader.join(5000);
    return new Result(p.exitValue(), output.toString());
  }
}
