package org.cnnbook.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cnnbook.display.MimeBundle;

/**
 * A plotly figure as a notebook output with three representations: {@value #MIME_TYPE} (the figure's JSON; drawn
 * interactively by the plotly renderer that the {@code plotly} Python package installs into JupyterLab 4 and
 * Notebook 7), {@code image/png} (the same data drawn by XChart, for viewers that run no script) and a line of text.
 * {@link Interactive#figure} registers the class with the kernel's renderer (this project's kernel, IJava or JJava).
 */
public final class PlotlyFigure implements MimeBundle {
    public static final String MIME_TYPE = "application/vnd.plotly.v1+json";
    static final String[] MIME_TYPES = {MIME_TYPE, "image/png", "text/plain"};

    private final Map<String, Object> json;
    private final BufferedImage picture;
    private final String title;

    private PlotlyFigure(Map<String, Object> json, BufferedImage picture, String title) {
        this.json = json;
        this.picture = picture;
        this.title = title;
    }

    static PlotlyFigure of(com.fasterxml.jackson.databind.node.ObjectNode figure) {
        return new PlotlyFigure(FigureJson.asMap(figure), FigurePicture.draw(figure), FigurePicture.title(figure));
    }

    /** plotly's figure JSON: {@code data} (the traces) and {@code layout}. */
    public Map<String, Object> json() {
        return json;
    }

    /** The picture a viewer without plotly shows. */
    public BufferedImage picture() {
        return picture;
    }

    /** The figure's JSON, its picture as base64 PNG, and a line of text. */
    @Override
    public Map<String, Object> mimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(MIME_TYPE, json);
        bundle.put("image/png", base64Png(picture));
        bundle.put("text/plain", toString());
        return bundle;
    }

    @Override
    public String toString() {
        return "Plotly figure" + (title.isEmpty() ? "" : ": " + title);
    }

    static String base64Png(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
