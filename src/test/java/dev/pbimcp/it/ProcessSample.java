package dev.pbimcp.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a server process holds, read from Linux's /proc and from jcmd (-1 where unavailable). */
public final class ProcessSample {
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private ProcessSample() {}

  /** Heap in use right after a full GC, in MB ({@code jcmd GC.run}, then {@code GC.heap_info}). */
  public static double heapAfterGc(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
    return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : -1;
  }

  /**
   * Committed memory by Native Memory Tracking's categories ("Java Heap 256 MB, Class 80 MB, …"),
   * or "" when the process runs without {@code -XX:NativeMemoryTracking}.
   */
  public static String committedByCategory(long pid) throws IOException, InterruptedException {
    Matcher m =
        Pattern.compile("-\\s+([A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)")
            .matcher(jcmd(pid, "VM.native_memory summary"));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      long mb = Long.parseLong(m.group(2)) / 1024;
      if (mb >= 5) {
        out.append(out.length() == 0 ? "" : ", ").append(m.group(1)).append(' ').append(mb);
      }
    }
    return out.length() == 0 ? "" : out + " MB";
  }

  public static double rss(long pid) throws IOException {
    return status(pid, "VmRSS:") / 1024.0;
  }

  /** RSS split into anonymous memory (heap, native) and mapped files (jars, libraries). */
  public static String rssParts(long pid) throws IOException {
    return String.format(
        "anonymous %.0f MB, files %.0f MB",
        status(pid, "RssAnon:") / 1024.0, status(pid, "RssFile:") / 1024.0);
  }

  public static double threads(long pid) throws IOException {
    return status(pid, "Threads:");
  }

  public static double openFiles(long pid) throws IOException {
    Path fd = Path.of("/proc/" + pid + "/fd");
    if (!Files.isDirectory(fd)) {
      return -1;
    }
    try (var entries = Files.list(fd)) {
      return entries.count();
    }
  }

  private static long status(long pid, String field) throws IOException {
    Path status = Path.of("/proc/" + pid + "/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
      }
    }
    return -1;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }
}
