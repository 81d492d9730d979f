package io.marquee.billing.infrastructure;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.marquee.billing.domain.InvoiceLine;
import io.marquee.common.domain.Money;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** A platform invoice as a printable PDF (OpenPDF): who, which month, the lines and the total. */
public final class InvoicePdf {
  private InvoicePdf() {}

  public static byte[] render(
      String invoiceId,
      String tenantName,
      String month,
      String currency,
      List<InvoiceLine> lines,
      long total) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle("Invoice " + month + " " + tenantName);
      doc.open();
      doc.add(new Paragraph("Marquee", new Font(Font.HELVETICA, 10, Font.NORMAL)));
      doc.add(new Paragraph("Invoice " + month, new Font(Font.HELVETICA, 18, Font.BOLD)));
      doc.add(new Paragraph("To: " + tenantName));
      doc.add(new Paragraph("Number: " + invoiceId));
      doc.add(new Paragraph(" "));
      PdfPTable table = new PdfPTable(new float[] {6, 1.5f, 2, 2});
      table.setWidthPercentage(100);
      for (String h : new String[] {"What", "Quantity", "Unit", "Amount"}) {
        table.addCell(new Paragraph(h, new Font(Font.HELVETICA, 10, Font.BOLD)));
      }
      for (InvoiceLine l : lines) {
        table.addCell(l.description());
        table.addCell(String.valueOf(l.quantity()));
        table.addCell(Money.of(l.unitMinor(), currency).toString());
        table.addCell(Money.of(l.amountMinor(), currency).toString());
      }
      doc.add(table);
      doc.add(new Paragraph(" "));
      doc.add(
          new Paragraph(
              "Total: " + Money.of(total, currency), new Font(Font.HELVETICA, 12, Font.BOLD)));
    } catch (com.lowagie.text.DocumentException e) {
      throw new IllegalStateException(e);
    } finally {
      doc.close();
    }
    return out.toByteArray();
  }
}
