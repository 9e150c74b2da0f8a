package org.cnnbook.notebook;

import java.lang.reflect.Method;

/**
 * IJava's {@code display}/{@code updateDisplay}, reached by reflection so lib runs outside notebooks too and
 * works on upstream IJava 1.3.0 (same class names) as on this project's kernel.
 */
public final class NotebookDisplay {
    private static final String DISPLAY = "io.github.spencerpark.ijava.runtime.Display";

    private NotebookDisplay() {}

    /** Shows {@code value} and returns its display id. */
    public static String display(Object value) {
        try {
            Method display = Class.forName(DISPLAY, true, loader()).getMethod("display", Object.class);
            return (String) display.invoke(null, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No notebook display available", e);
        }
    }

    public static void update(String id, Object value) {
        try {
            Method update =
                    Class.forName(DISPLAY, true, loader()).getMethod("updateDisplay", String.class, Object.class);
            update.invoke(null, id, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No notebook display available", e);
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : NotebookDisplay.class.getClassLoader();
    }
}
