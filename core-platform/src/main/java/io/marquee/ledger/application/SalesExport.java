package io.marquee.ledger.application;

import io.marquee.common.domain.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Sales per event as CSV (RFC 4180) or an Excel workbook; amounts as decimals of the currency. */
public final class SalesExport {
  private static final String[] HEAD = {
    "event",
    "status",
    "starts_at",
    "tickets_sold",
    "capacity",
    "paid_orders",
    "gross",
    "refunded",
    "currency"
  };

  private SalesExport() {}

  public static String csv(List<SalesReports.EventSales> rows, String currency) {
    StringBuilder csv = new StringBuilder(String.join(",", HEAD)).append("\r\n");
    for (SalesReports.EventSales s : rows) {
      csv.append(field(s.title()))
          .append(',')
          .append(s.status())
          .append(',')
          .append(s.startsAt())
          .append(',')
          .append(s.ticketsSold())
          .append(',')
          .append(s.capacity())
          .append(',')
          .append(s.paidOrders())
          .append(',')
          .append(Money.of(s.grossMinor(), currency).toDecimal().toPlainString())
          .append(',')
          .append(Money.of(s.refundedMinor(), currency).toDecimal().toPlainString())
          .append(',')
          .append(currency)
          .append("\r\n");
    }
    return csv.toString();
  }

  public static byte[] xlsx(List<SalesReports.EventSales> rows, String currency) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "Marquee", "1.0");
      Worksheet ws = wb.newWorksheet("Sales");
      for (int i = 0; i < HEAD.length; i++) {
        ws.value(0, i, HEAD[i]);
      }
      int r = 1;
      for (SalesReports.EventSales s : rows) {
        ws.value(r, 0, s.title());
        ws.value(r, 1, s.status());
        ws.value(r, 2, s.startsAt());
        ws.value(r, 3, s.ticketsSold());
        ws.value(r, 4, s.capacity());
        ws.value(r, 5, s.paidOrders());
        ws.value(r, 6, Money.of(s.grossMinor(), currency).toDecimal());
        ws.value(r, 7, Money.of(s.refundedMinor(), currency).toDecimal());
        ws.value(r, 8, currency);
        r++;
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String field(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }
}
