package io.marquee.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A video for Chromium's fake camera ({@code --use-file-for-fake-video-capture}): an image held up
 * in the middle of a grey scene, as Y4M (YUV 4:2:0), the format Chromium reads.
 */
public final class FakeCamera {
  private static final int FRAMES = 30;

  private FakeCamera() {}

  /** Writes a one-second clip of {@code image} (PNG or JPEG bytes), scaled to half the frame. */
  public static Path showing(byte[] image, int width, int height) throws IOException {
    BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image));
    if (picture == null) {
      throw new IOException("not an image");
    }
    int side = Math.min(width, height) * 3 / 4;
    int left = (width - side) / 2;
    int top = (height - side) / 2;
    byte[] luma = new byte[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int v = 150; // the scene around the ticket: grey, not white, as a camera sees it
        if (x >= left && x < left + side && y >= top && y < top + side) {
          int rgb =
              picture.getRGB(
                  (x - left) * picture.getWidth() / side, (y - top) * picture.getHeight() / side);
          int r = (rgb >> 16) & 0xff;
          int g = (rgb >> 8) & 0xff;
          int b = rgb & 0xff;
          v = (299 * r + 587 * g + 114 * b) / 1000;
        }
        luma[y * width + x] = (byte) v;
      }
    }
    byte[] chroma = new byte[(width / 2) * (height / 2)];
    java.util.Arrays.fill(chroma, (byte) 128); // no colour
    Path file = Files.createTempFile("fake-camera", ".y4m");
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      out.write(
          ("YUV4MPEG2 W" + width + " H" + height + " F30:1 Ip A1:1 C420jpeg\n")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      for (int f = 0; f < FRAMES; f++) {
        out.write("FRAME\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(luma);
        out.write(chroma);
        out.write(chroma);
      }
    }
    return file;
  }
}
