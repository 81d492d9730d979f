package io.marquee.common.web;

import io.marquee.common.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** Renders problem+json bodies, for JAX-RS responses and for servlet filters alike. */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  public static String body(int status, String title, String detail, String field) {
    return body(status, title, detail, field, java.util.Map.of());
  }

  public static String body(
      int status, String title, String detail, String field, java.util.Map<String, String> errors) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    if (field != null) {
      json.add("field", field);
    }
    if (!errors.isEmpty()) {
      JsonObjectBuilder e = Json.createObjectBuilder();
      errors.forEach(e::add);
      json.add("errors", e);
    }
    return json.build().toString();
  }

  public static Response response(ProblemException e) {
    return Response.status(e.status())
        .type(MEDIA_TYPE)
        .entity(body(e.status(), e.title(), e.getMessage(), e.field(), e.errors()))
        .build();
  }

  public static Response response(int status, String title, String detail, String field) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(body(status, title, detail, field))
        .build();
  }

  public static void write(HttpServletResponse resp, int status, String title, String detail)
      throws IOException {
    resp.setStatus(status);
    resp.setContentType(MEDIA_TYPE);
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(body(status, title, detail, null));
  }
}
