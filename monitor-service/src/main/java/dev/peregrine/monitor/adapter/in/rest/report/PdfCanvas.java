package dev.peregrine.monitor.adapter.in.rest.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A top-to-bottom writer of A4 landscape pages: text lines (wrapped), fixed-width table rows, rectangles and lines,
 * a new page whenever the next item does not fit. Only the PDF standard fonts are used, so nothing is embedded or
 * fetched; characters they cannot show are replaced.
 */
final class PdfCanvas implements AutoCloseable {

    static final float MARGIN = 40;
    static final PDType1Font SANS = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

    private static final PDRectangle SIZE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private final PDDocument document = new PDDocument();
    private PDPageContentStream content;
    private float y;

    PdfCanvas() {
        newPage();
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    /** The vertical position of the next item, from the page's bottom. */
    float y() {
        return y;
    }

    /** Makes room for {@code height} points, on a new page if this one is full. */
    void reserve(float height) {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void gap(float height) {
        y -= height;
    }

    /** {@code text} in {@code font}, wrapped to the page's width. */
    void paragraph(String text, PDType1Font font, float size) {
        for (String line : wrap(safe(text), font, size)) {
            text(line, font, size, MARGIN);
        }
    }

    /** One line of text at {@code x}, moving down by its height. */
    void text(String text, PDType1Font font, float size, float x) {
        float height = size * 1.4f;
        reserve(height);
        y -= height;
        write(text, font, size, x, y + size * 0.3f);
    }

    /** Text at a position without moving the cursor. */
    void write(String text, PDType1Font font, float size, float x, float baseline) {
        run(() -> {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(safe(text));
            content.endText();
        });
    }

    void rectangle(float x, float bottom, float w, float h, Color fill) {
        run(() -> {
            content.setNonStrokingColor(fill);
            content.addRect(x, bottom, w, h);
            content.fill();
            content.setNonStrokingColor(Color.BLACK);
        });
    }

    void line(float x1, float y1, float x2, float y2, float width, boolean dashed) {
        run(() -> {
            content.setLineWidth(width);
            content.setLineDashPattern(dashed ? new float[] {3, 2} : new float[0], 0);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        });
    }

    byte[] toBytes() {
        try {
            content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the standard fonts (WinAnsi) can show: Latin-1, with a few symbols spelled out. */
    static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\u2212', '\u2013', '\u2014' -> out.append('-');
                case '\u2265' -> out.append(">=");
                case '\u2264' -> out.append("<=");
                case '\u221e' -> out.append("inf");
                case '\u2026' -> out.append("...");
                case '\u2192' -> out.append("->");
                case '\t', '\n', '\r' -> out.append(' ');
                default -> out.append((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) ? c : '?');
            }
        }
        return out.toString();
    }

    private List<String> wrap(String text, PDType1Font font, float size) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && widthOf(candidate, font, size) > width()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static float widthOf(String text, PDType1Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        run(() -> {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
        });
        y = SIZE.getHeight() - MARGIN;
    }

    private interface PdfStep {
        void run() throws IOException;
    }

    private static void run(PdfStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
