package dev.pbimcp.http;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * When the process is told to stop (SIGTERM: how a container host stops an instance), every open
 * stream ends as a stream ends (its writer sends what it holds, then the last chunk) instead of
 * being cut: a client then reconnects or resumes, where a cut looks like a network failure. It has
 * to happen then: Liberty's quiesce waits up to 30 s for open streams before it stops the
 * application and cuts them. And once more as the application stops, for any opened since.
 */
@WebListener
public class StreamsAtStop implements ServletContextListener {
  @Inject EventStreams streams;

  private final Thread hook = new Thread(this::finish, "pbimcp-streams-at-stop");

  @Override
  public void contextInitialized(ServletContextEvent event) {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    finish();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is stopping and the hook has run or runs now.
    }
  }

  private void finish() {
    if (streams != null) {
      streams.finishAll();
    }
  }
}
