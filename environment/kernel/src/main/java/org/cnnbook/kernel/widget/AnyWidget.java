package org.cnnbook.kernel.widget;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A widget drawn by anywidget's front end (the {@code anywidget} package, installed with Jupyter): an ES module
 * exporting {@code render({ model, el })}, and optional CSS. The module reads and writes the widget's values with
 * {@code model.get/set/save_changes}, hears changes with {@code model.on("change:name", ...)} and talks with
 * {@code model.send(...)} / {@code model.on("msg:custom", ...)}. See {@link Widget} for an example.
 */
public class AnyWidget extends Widget {
    /**
     * The front end's version this model asks for, as anywidget's Python side writes it ({@code ~major.minor.*}):
     * the anywidget of environment/requirements.lock (a test compares them).
     */
    public static final String FRONT_END_VERSION = "~0.11.*";

    public AnyWidget(String esModule) {
        this(esModule, "", "A widget: open this notebook in JupyterLab or Notebook 7 with the Java kernel to use it");
    }

    public AnyWidget(String esModule, String css, String text) {
        super(frontEndClasses(esModule, css), text);
    }

    private static Map<String, Object> frontEndClasses(String esModule, String css) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("_model_module", "anywidget");
        state.put("_model_name", "AnyModel");
        state.put("_model_module_version", FRONT_END_VERSION);
        state.put("_view_module", "anywidget");
        state.put("_view_name", "AnyView");
        state.put("_view_module_version", FRONT_END_VERSION);
        state.put("_view_count", null);
        state.put("_dom_classes", java.util.List.of());
        state.put("tabbable", null);
        state.put("tooltip", null);
        state.put("_esm", esModule);
        state.put("_css", css);
        state.put("_anywidget_id", "java." + Integer.toHexString(esModule.hashCode()));
        return state;
    }
}
