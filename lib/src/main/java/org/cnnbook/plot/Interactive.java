package org.cnnbook.plot;

import org.cnnbook.display.Renderers;
import tech.tablesaw.plotly.components.Figure;

/**
 * Interactive figures from Tablesaw's plotly API ({@code tech.tablesaw.plotly.api}) as a notebook output that
 * survives: plotly's own JSON, which the plotly renderer of JupyterLab 4 and Notebook 7 draws without a trusted
 * notebook and without a script in the file, and a PNG of the same data for every viewer that runs no script
 * (GitHub, the classic Notebook, an untrusted page). No copy of plotly.js goes into the notebook.
 */
public final class Interactive {
    private Interactive() {}

    /** The figure as a notebook output: make it a cell's last expression, or {@code display(...)} it. */
    public static PlotlyFigure figure(Figure figure) {
        Renderers.register(PlotlyFigure.class, PlotlyFigure.MIME_TYPES);
        return PlotlyFigure.of(FigureJson.of(figure));
    }
}
