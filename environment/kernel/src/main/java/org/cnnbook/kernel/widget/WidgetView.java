package org.cnnbook.kernel.widget;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a widget shows as a cell's output: its view ({@code application/vnd.jupyter.widget-view+json}) and its text.
 * Where no page draws widgets (nbconvert, nbgrader, an HTML export) the model is not even opened: the output is the
 * text alone, and no widget state goes into the saved notebook.
 */
public final class WidgetView {
    static final MIMEType VIEW = MIMEType.parse("application/vnd.jupyter.widget-view+json");

    private WidgetView() {}

    public static void register(Renderer renderer) {
        renderer.createRegistration(Widget.class)
                .preferring(VIEW, MIMEType.TEXT_PLAIN)
                .register((widget, context) -> {
                    if (Widget.pageShowsWidgets()) context.renderIfRequested(VIEW, () -> view(widget.open()));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, widget::text);
                });
    }

    private static Map<String, Object> view(String modelId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("model_id", modelId);
        view.put("version_major", 2);
        view.put("version_minor", 1);
        return view;
    }
}
