package io.marquee.common.web;

import io.marquee.common.problem.ProblemException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure leaves the API as problem+json; unexpected ones are logged and never leak a stack
 * trace.
 */
public final class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  @Provider
  public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException e) {
      return Problems.response(e);
    }
  }

  @Provider
  public static class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      ConstraintViolation<?> first = e.getConstraintViolations().iterator().next();
      String path = first.getPropertyPath().toString();
      String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
      return Problems.response(400, "Invalid input", first.getMessage(), field);
    }
  }

  @Provider
  public static class JsonMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return Problems.response(
          400, "Malformed JSON", "The request body is not valid JSON for this operation", "body");
    }
  }

  @Provider
  public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (e.getCause() instanceof JsonbException || e.getCause() instanceof ProcessingException) {
        return Problems.response(
            400, "Malformed JSON", "The request body could not be read", "body");
      }
      String title =
          Response.Status.fromStatusCode(status) == null
              ? "Error"
              : Response.Status.fromStatusCode(status).getReasonPhrase();
      return Problems.response(status, title, e.getMessage(), null);
    }
  }

  @Provider
  public static class UnexpectedMapper implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof ProblemException p) {
          return Problems.response(p);
        }
        cause = cause.getCause();
      }
      LOG.log(Level.SEVERE, "Unexpected failure", e);
      return Problems.response(
          500, "Internal error", "An unexpected error occurred; it has been logged", null);
    }
  }
}
