package io.marquee.console.web;

import io.marquee.common.problem.ProblemException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Turns outcomes of console actions into Faces messages. */
final class Messages {
  private Messages() {}

  static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static void warn(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
  }

  static void error(ProblemException e) {
    if (!e.errors().isEmpty()) {
      // one message per field, so each problem can be read (and fixed) on its own
      e.errors()
          .forEach(
              (f, m) ->
                  FacesContext.getCurrentInstance()
                      .addMessage(
                          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, f + ": " + m, null)));
      return;
    }
    String field = e.field() == null ? "" : e.field() + ": ";
    FacesContext.getCurrentInstance()
        .addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, field + e.getMessage(), null));
  }

  /**
   * Runs a console action; a refusal becomes an error message on the page instead of an error page.
   */
  static void guard(Runnable action) {
    try {
      action.run();
    } catch (ProblemException e) {
      error(e);
    }
  }
}
