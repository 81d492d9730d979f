package io.marquee.common.web;

import io.marquee.common.persistence.IdempotencyStore;
import io.marquee.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} contract for POSTs that create or pay: the same key with the same
 * body answers the stored response; with another body, 422; while the first request still runs,
 * 409. Refusals (4xx) are stored too, unexpected failures are not (the client may retry).
 */
@ApplicationScoped
public class Idempotency {
  public static final String HEADER = "Idempotency-Key";

  @Inject IdempotencyStore store;

  /** What a resource produces: status and JSON body. */
  public record Result(int status, JsonObject body) {}

  public Response execute(
      String schema, String route, String key, JsonObject request, Supplier<Result> work) {
    if (key == null || key.isBlank()) {
      Result r = work.get();
      return Response.status(r.status()).entity(r.body()).type(MediaType.APPLICATION_JSON).build();
    }
    if (key.length() > 120) {
      throw ProblemException.invalid(HEADER, "Idempotency-Key must be at most 120 characters");
    }
    String hash = sha256(route + "\n" + (request == null ? "" : request.toString()));
    Optional<IdempotencyStore.Seen> seen = store.claim(schema, route, key, hash);
    if (seen.isPresent()) {
      IdempotencyStore.Seen s = seen.get();
      if (!s.requestHash().equals(hash)) {
        throw ProblemException.unprocessable(
            HEADER, "this Idempotency-Key was used with a different request");
      }
      if (s.done()) {
        return Response.status(s.status())
            .entity(s.body())
            .type(s.status() >= 400 ? "application/problem+json" : MediaType.APPLICATION_JSON)
            .header("Idempotent-Replayed", "true")
            .build();
      }
      if (!s.stale() || !store.takeOver(schema, route, key)) {
        throw ProblemException.conflict(
            HEADER, "a request with this Idempotency-Key is still being processed");
      }
    }
    try {
      IdempotencyStore.Stored stored =
          store.runAndStore(
              schema,
              route,
              key,
              () -> {
                Result r = work.get();
                return new IdempotencyStore.Stored(r.status(), r.body().toString());
              });
      return Response.status(stored.status())
          .entity(stored.body())
          .type(MediaType.APPLICATION_JSON)
          .build();
    } catch (RuntimeException e) {
      // A refusal (4xx, possibly wrapped by the transaction interceptor) is stored and replayed;
      // anything else releases the key so the client may retry.
      ProblemException p = cause(e);
      if (p != null && p.status() < 500) {
        Response problem = Problems.response(p);
        store.storeRefusal(
            schema,
            route,
            key,
            new IdempotencyStore.Stored(p.status(), problem.getEntity().toString()));
        return problem;
      }
      store.release(schema, route, key);
      throw e;
    }
  }

  private static ProblemException cause(Throwable t) {
    while (t != null) {
      if (t instanceof ProblemException p) {
        return p;
      }
      t = t.getCause();
    }
    return null;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
