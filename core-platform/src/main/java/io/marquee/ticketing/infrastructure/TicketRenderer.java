package io.marquee.ticketing.infrastructure;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR images (SVG, PNG) of ticket codes with ZXing, and a printable PDF ticket with OpenPDF. */
public final class TicketRenderer {
  private TicketRenderer() {}

  /** What a printed ticket shows. */
  public record PrintedTicket(
      String tenantName,
      String eventTitle,
      String when,
      String venue,
      String ticketType,
      String holder,
      String orderNumber,
      String code) {}

  static BitMatrix matrix(String code) {
    try {
      return new QRCodeWriter()
          .encode(
              code,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  2));
    } catch (WriterException e) {
      throw new IllegalArgumentException("code too long for a QR symbol", e);
    }
  }

  public static String svg(String code) {
    BitMatrix m = matrix(code);
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y)) {
          path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + m.getWidth()
        + " "
        + m.getHeight()
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  public static byte[] png(String code, int scale) {
    BitMatrix m = matrix(code);
    BufferedImage img =
        new BufferedImage(
            m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        img.setRGB(x, y, m.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  public static byte[] pdf(PrintedTicket t) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A5, 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle(t.eventTitle() + " ticket");
      doc.open();
      doc.add(new Paragraph(t.tenantName(), new Font(Font.HELVETICA, 10, Font.NORMAL)));
      doc.add(new Paragraph(t.eventTitle(), new Font(Font.HELVETICA, 18, Font.BOLD)));
      doc.add(new Paragraph(t.when()));
      if (t.venue() != null) {
        doc.add(new Paragraph(t.venue()));
      }
      doc.add(new Paragraph(" "));
      doc.add(
          new Paragraph(
              t.ticketType() + " · " + t.holder(), new Font(Font.HELVETICA, 12, Font.BOLD)));
      doc.add(new Paragraph("Order " + t.orderNumber()));
      Image qr = Image.getInstance(png(t.code(), 6));
      qr.scaleToFit(260, 260);
      qr.setAlignment(Element.ALIGN_CENTER);
      doc.add(qr);
      doc.add(
          new Paragraph(
              "Show this code at the door. It is checked offline; do not share it.",
              new Font(Font.HELVETICA, 8, Font.ITALIC)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      doc.close();
    }
    return out.toByteArray();
  }
}
