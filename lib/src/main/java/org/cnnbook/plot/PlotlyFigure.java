package org.cnnbook.plot;

import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A plotly figure as a notebook output with three representations: {@value #MIME_TYPE} (the figure's JSON; drawn
 * interactively by the plotly renderer that the {@code plotly} Python package installs into JupyterLab 4 and
 * Notebook 7), {@code image/png} (the same data drawn by XChart, for viewers that run no script) and a line of text.
 * The kernel asks it for these through basekernel's {@link DisplayDataRenderable}.
 */
public final class PlotlyFigure implements DisplayDataRenderable {
    public static final String MIME_TYPE = "application/vnd.plotly.v1+json";
    private static final MIMEType PLOTLY = MIMEType.parse(MIME_TYPE);

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

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(PLOTLY, MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN);
    }

    @Override
    public void render(RenderContext context) {
        context.renderIfRequested(PLOTLY, () -> json);
        context.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64Png(picture));
        context.renderIfRequested(MIMEType.TEXT_PLAIN, this::toString);
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
