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
        return (String) call("display", new Class<?>[] {Object.class}, value);
    }

    public static void update(String id, Object value) {
        call("updateDisplay", new Class<?>[] {String.class, Object.class}, id, value);
    }

    /**
     * Calls the kernel's display function with the thread's interrupt flag lowered and raised again after: the
     * output goes through JeroMQ on this thread, where an interrupt would be consumed (upstream IJava does not
     * guard it), and the training loop that drew the chart would never see that the cell was interrupted.
     */
    private static Object call(String name, Class<?>[] types, Object... arguments) {
        boolean interrupted = Thread.interrupted();
        try {
            Method method = Class.forName(DISPLAY, true, loader()).getMethod(name, types);
            return method.invoke(null, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No notebook display available", e);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : NotebookDisplay.class.getClassLoader();
    }
}
