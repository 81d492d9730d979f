package io.marquee.console.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.ledger.application.SalesExport;
import io.marquee.ledger.application.SalesReports;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Console downloads (behind the console sign-in): sales per event as CSV or Excel. */
@WebServlet("/console/export/*")
public class ConsoleExportServlet extends HttpServlet {
  @Inject Caller caller;
  @Inject TenantContext tenant;
  @Inject SalesReports reports;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    TenantSnapshot t;
    try {
      caller.require(Permission.VIEW_REPORTS);
      t = tenant.require();
    } catch (ProblemException e) {
      res.sendError(e.status(), e.getMessage());
      return;
    }
    String what = req.getPathInfo() == null ? "" : req.getPathInfo();
    byte[] body;
    switch (what) {
      case "/sales.csv" -> {
        res.setContentType("text/csv");
        body = SalesExport.csv(reports.perEvent(t), t.currency()).getBytes(StandardCharsets.UTF_8);
      }
      case "/sales.xlsx" -> {
        res.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        body = SalesExport.xlsx(reports.perEvent(t), t.currency());
      }
      default -> {
        res.sendError(404);
        return;
      }
    }
    res.setHeader("Content-Disposition", "attachment; filename=\"" + what.substring(1) + "\"");
    res.getOutputStream().write(body);
  }
}
