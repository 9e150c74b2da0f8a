package org.cnnbook.display;

import java.lang.reflect.Method;

/**
 * Whether the page connected to this kernel draws Jupyter widgets: only this project's kernel speaks the widget
 * protocol (org.cnnbook.kernel.widget), and only JupyterLab or Notebook 7 draws them; nbconvert, nbgrader, upstream
 * IJava and JJava do not.
 */
public final class Widgets {
    static final String KERNEL_WIDGET = "org.cnnbook.kernel.widget.Widget";

    private Widgets() {}

    /** Null when widgets can be shown here; else why not, in words a student understands. */
    public static String whyNot() {
        KernelApi api = KernelApi.running();
        if (api == KernelApi.NONE) return "this code runs outside a Java kernel";
        Class<?> widget = KernelApi.load(KERNEL_WIDGET);
        if (widget == null)
            return "this kernel (" + (api == KernelApi.JJAVA ? "JJava" : "IJava") + ") has no Jupyter widgets; "
                    + "this project's kernel has them";
        try {
            Method shows = widget.getMethod("pageShowsWidgets");
            if (Boolean.TRUE.equals(shows.invoke(null))) return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "this kernel's widgets did not answer (" + e + ")";
        }
        return "no page that draws widgets is connected (a headless run: nbconvert, nbgrader or make run)";
    }
}
