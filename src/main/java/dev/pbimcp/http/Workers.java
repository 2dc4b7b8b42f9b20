package dev.pbimcp.http;

import dev.pbimcp.auth.Caller;
import dev.pbimcp.auth.CallerContext;
import dev.pbimcp.mcp.Exchange;
import dev.pbimcp.mcp.JsonRpc;
import dev.pbimcp.telemetry.RequestId;
import dev.pbimcp.telemetry.Telemetry;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a request's work runs and how much of it may run at once. At most
 * PBIMCP_MAX_CONCURRENT_REQUESTS requests run, PBIMCP_MAX_QUEUED_REQUESTS more wait for a place,
 * and past that a request is refused with 503 and Retry-After instead of queueing without end. Work
 * whose messages may follow its answer runs on the request's own thread; work that must talk to the
 * client while it runs (progress, a question) runs on a thread of its own while the request's
 * thread waits to send what comes. Streams that outlive a request (GET, subscriptions/listen) have
 * their own threads, at most PBIMCP_MAX_OPEN_STREAMS, so they never take the requests' places.
 * Every thread comes from Liberty's {@link ManagedThreadFactory} (Jakarta Concurrency: the
 * application's context on it, stopped with it).
 *
 * <p>Not Liberty's managed executors: they run on the server's shared pool, which grows by a few
 * threads a second, so 1,000 streams took 108 s to open, and a request thread waiting for its
 * work's answer waited behind that very work.
 */
@ApplicationScoped
public class Workers {
  private static final Logger LOG = Logger.getLogger(Workers.class.getName());

  /** What is full, in the words of {@link HttpErrors#busy}. */
  static final String REQUESTS = "works on as many requests";

  static final String STREAMS = "holds as many open streams";

  @Resource private ManagedThreadFactory threads;

  private final AtomicInteger openStreams = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();
  private final HttpSettings settings;
  private Semaphore places;
  private ThreadPoolExecutor requests;
  private ThreadPoolExecutor writers;
  private Deadlines deadlines;

  private final Telemetry telemetry;

  @Inject
  public Workers(HttpSettings settings, Telemetry telemetry) {
    this.settings = settings;
    this.telemetry = telemetry;
  }

  /** For CDI's proxy. */
  protected Workers() {
    this(null, null);
  }

  @PostConstruct
  void start() {
    places = new Semaphore(settings.maxConcurrentRequests());
    telemetry.gauge(
        "pbimcp.streams.open",
        "SSE streams open now (GET /mcp, subscriptions/listen, /sse, streamed answers).",
        openStreams::get);
    // Its size is the places': a thread is only asked for by work that holds one.
    requests = cachedPool(settings.maxConcurrentRequests());
    writers = cachedPool(settings.maxOpenStreams());
    deadlines = new Deadlines(threads);
  }

  private ThreadPoolExecutor cachedPool(int most) {
    return new ThreadPoolExecutor(
        0,
        most,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        threads,
        new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * On stop the streams have been ended ({@link StreamsAtStop}): their writers get a few seconds to
   * send what they hold and the last chunk. Work still running is interrupted and answered with an
   * error; the web container has already let the requests in flight finish.
   */
  @PreDestroy
  void stop() {
    writers.shutdown();
    try {
      writers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    requests.shutdownNow();
    writers.shutdownNow();
    deadlines.stop();
  }

  /**
   * Where one request's single answer goes: the first to complete wins, the answer or the timeout.
   */
  interface Answer {
    void complete(JsonObject response);

    boolean done();
  }

  /** Where a request's work runs. */
  enum Where {
    /** On the calling thread, which returns when the work is done. */
    HERE,
    /** On a thread of its own; the call returns at once. */
    APART
  }

  /**
   * Runs a request's work and delivers its answer; past PBIMCP_REQUEST_TIMEOUT_SECONDS the work is
   * cancelled and the client told so. False, with nothing run, when the server is saturated.
   */
  boolean run(
      Exchange exchange,
      Answer answer,
      JsonValue id,
      Caller caller,
      Where where,
      Supplier<JsonObject> work) {
    if (!admit()) {
      return false;
    }
    int seconds = settings.requestTimeoutSeconds();
    var timeout =
        deadlines.after(
            seconds,
            () -> {
              if (!answer.done()) {
                exchange.cancel();
                answer.complete(RequestTimeout.error(id, seconds));
              }
            });
    Runnable task =
        () -> {
          exchange.runningOn(Thread.currentThread());
          try {
            JsonObject response = CallerContext.as(caller, work::get);
            if (!answer.done()) {
              answer.complete(response);
            }
          } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, RequestId.tag("A request's work failed"), e);
            if (!answer.done()) {
              answer.complete(JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "Internal error.", null));
            }
          } finally {
            exchange.runningOn(null);
            Thread.interrupted();
            timeout.cancel();
            places.release();
          }
        };
    if (where == Where.HERE) {
      task.run();
      return true;
    }
    try {
      requests.execute(RequestId.carried(task));
      return true;
    } catch (RejectedExecutionException e) { // stopping
      timeout.cancel();
      places.release();
      return false;
    }
  }

  /**
   * One POSTed request, answered by its own thread: the work runs in place, or on a worker while it
   * talks to a client that reads streams (progress, a question); then the answer or the stream that
   * carries it, or 503 when every place is taken.
   */
  Response answer(
      Exchange exchange,
      ResponseChannel channel,
      JsonValue id,
      Caller caller,
      boolean sse,
      Supplier<JsonObject> work) {
    Where where = sse && exchange.talksWhileRunning() ? Where.APART : Where.HERE;
    return run(exchange, channel, id, caller, where, work)
        ? channel.await(id, settings.answerWaitMillis())
        : HttpErrors.busy(id, REQUESTS);
  }

  /** Runs quick work with no answer to time (a notification, initialize); false when saturated. */
  <T> boolean submit(Caller caller, Supplier<T> work) {
    if (!admit()) {
      return false;
    }
    try {
      requests.execute(
          RequestId.carried(
              () -> {
                try {
                  CallerContext.as(caller, work);
                } finally {
                  places.release();
                }
              }));
      return true;
    } catch (RejectedExecutionException e) {
      places.release();
      return false;
    }
  }

  /**
   * Takes one of the places: at once when one is free, after a wait on the caller's thread when the
   * queue has room; false when it is full (or the wait was interrupted).
   */
  private boolean admit() {
    if (places.tryAcquire()) {
      return true;
    }
    if (waiting.incrementAndGet() > settings.maxQueuedRequests()) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      places.acquire();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** Runs a stream's writer on a thread of its own, or says no when the streams are all taken. */
  boolean write(Runnable writer) {
    if (streamsFull()) {
      return false;
    }
    try {
      writers.execute(RequestId.carried(writer));
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
      async.resume(HttpErrors.busy(null, STREAMS));
      return;
    }
    Response r = SseWriter.response(counted(open.get()));
    if (!write(() -> async.resume(r))) {
      async.resume(HttpErrors.busy(null, STREAMS));
    }
  }

  /** The writer, counted among the open streams while it writes. */
  private StreamingOutput counted(StreamingOutput writer) {
    return out -> {
      openStreams.incrementAndGet();
      try {
        writer.write(out);
      } finally {
        openStreams.decrementAndGet();
      }
    };
  }

  private boolean streamsFull() {
    return openStreams.get() >= settings.maxOpenStreams();
  }
}
