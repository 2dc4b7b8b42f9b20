package dev.pbimcp.http;

import dev.pbimcp.auth.Caller;
import dev.pbimcp.auth.CallerContext;
import dev.pbimcp.mcp.Exchange;
import dev.pbimcp.mcp.JsonRpc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Threads for work that outlives its HTTP thread, made by Liberty's {@link ManagedThreadFactory}
 * (Jakarta Concurrency: the application's context on them, stopped with it) into pools of our own
 * size. A request's work runs on at most PBIMCP_MAX_CONCURRENT_REQUESTS threads with
 * PBIMCP_MAX_QUEUED_REQUESTS waiting; past that the request is refused with 503 and Retry-After
 * instead of queueing without end. Streams have their own threads, at most PBIMCP_MAX_OPEN_STREAMS:
 * a stream holds its thread for its whole life, so streams never take the requests' places.
 *
 * <p>Not Liberty's managed executors: they run on the server's shared pool, which grows by a few
 * threads a second, so 1,000 streams took 108 s to open, and a request thread waiting for its
 * work's answer waited behind that very work.
 */
@ApplicationScoped
public class Workers {
  /** What a refused client is told to wait: long enough for a burst to drain, short to a user. */
  static final int RETRY_AFTER_SECONDS = 2;

  /** What is full, in the busy answer's words. */
  static final String REQUESTS = "works on as many requests";

  static final String STREAMS = "holds as many open streams";

  @Resource private ManagedThreadFactory threads;

  private final AtomicInteger openStreams = new AtomicInteger();
  private final HttpSettings settings;
  private ThreadPoolExecutor requests;
  private ThreadPoolExecutor writers;
  private ScheduledThreadPoolExecutor timer;

  @Inject
  public Workers(HttpSettings settings) {
    this.settings = settings;
  }

  /** For CDI's proxy. */
  protected Workers() {
    this(null);
  }

  @PostConstruct
  void start() {
    int max = settings.maxConcurrentRequests();
    requests =
        new ThreadPoolExecutor(
            max,
            max,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(settings.maxQueuedRequests()),
            threads,
            new ThreadPoolExecutor.AbortPolicy());
    requests.allowCoreThreadTimeOut(true);
    writers =
        new ThreadPoolExecutor(
            0,
            settings.maxOpenStreams(),
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            threads,
            new ThreadPoolExecutor.AbortPolicy());
    timer = new ScheduledThreadPoolExecutor(1, threads);
    timer.setRemoveOnCancelPolicy(true); // a request answered in time leaves nothing behind
  }

  @PreDestroy
  void stop() {
    requests.shutdownNow();
    writers.shutdownNow();
    timer.shutdownNow();
  }

  /**
   * Where one request's single answer goes: the first to complete wins, the answer or the timeout.
   */
  interface Answer {
    void complete(JsonObject response);

    boolean done();
  }

  /**
   * Runs a request's work and delivers its answer; past PBIMCP_REQUEST_TIMEOUT_SECONDS the work is
   * cancelled and the client told so. False, with nothing run, when the server is saturated.
   */
  boolean run(
      Exchange exchange, Answer answer, JsonValue id, Caller caller, Supplier<JsonObject> work) {
    int seconds = settings.requestTimeoutSeconds();
    var timeout =
        timer.schedule(
            () -> {
              if (!answer.done()) {
                exchange.cancel();
                answer.complete(RequestTimeout.error(id, seconds));
              }
            },
            seconds,
            TimeUnit.SECONDS);
    try {
      requests.execute(
          () -> {
            exchange.runningOn(Thread.currentThread());
            try {
              JsonObject response = CallerContext.as(caller, work::get);
              if (!answer.done()) {
                answer.complete(response);
              }
            } finally {
              exchange.runningOn(null);
              Thread.interrupted();
              timeout.cancel(false);
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      timeout.cancel(false);
      return false;
    }
  }

  /** Runs quick work with no answer to time (a notification, initialize); false when saturated. */
  <T> boolean submit(Caller caller, Supplier<T> work) {
    try {
      requests.execute(() -> CallerContext.as(caller, work));
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Runs a stream's writer on a thread of its own, or says no when the streams are all taken. */
  boolean write(Runnable writer) {
    if (streamsFull()) {
      return false;
    }
    try {
      writers.execute(writer);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /**
   * Answers {@code async} with a stream, counted while it is open, written on a thread of its own:
   * never on the request's thread, whose servlet would otherwise wait for it to end before the
   * application may stop. 503 when the server holds its most, before {@code open} makes anything (a
   * subscription, a connection) that would then be left behind.
   */
  void stream(AsyncResponse async, Supplier<StreamingOutput> open) {
    if (streamsFull()) {
      async.resume(busy(null, STREAMS));
      return;
    }
    Response r = SseWriter.response(counted(open.get()));
    if (!write(() -> async.resume(r))) {
      async.resume(busy(null, STREAMS));
    }
  }

  /** The writer, counted among the open streams while it writes. */
  StreamingOutput counted(StreamingOutput writer) {
    return out -> {
      openStreams.incrementAndGet();
      try {
        writer.write(out);
      } finally {
        openStreams.decrementAndGet();
      }
    };
  }

  /** 503 with Retry-After and a JSON-RPC error saying what is full and when to try again. */
  static Response busy(JsonValue id, String what) {
    return Response.fromResponse(
            HttpErrors.response(
                503,
                id,
                JsonRpc.SERVER_ERROR,
                "The server is busy: it already "
                    + what
                    + " as it may. Retry after "
                    + RETRY_AFTER_SECONDS
                    + " s."))
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .build();
  }

  private boolean streamsFull() {
    return openStreams.get() >= settings.maxOpenStreams();
  }
}
