package org.cnnbook.display;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The kernel's {@code display}/{@code updateDisplay}, reached by reflection: lib runs outside notebooks too, and in
 * this project's kernel, upstream IJava 1.3.0 and JJava alike.
 */
public final class NotebookDisplay {
    private NotebookDisplay() {}

    /** Shows {@code value} and returns its display id. */
    public static String display(Object value) {
        KernelApi api = api();
        return (String) call(api, api.display, new Class<?>[] {Object.class}, value);
    }

    public static void update(String id, Object value) {
        KernelApi api = api();
        call(api, api.update, new Class<?>[] {String.class, Object.class}, id, value);
    }

    private static KernelApi api() {
        KernelApi api = KernelApi.running();
        if (api == KernelApi.NONE)
            throw new IllegalStateException("No notebook display available: this code runs outside a Java kernel "
                    + "(this project's, IJava or JJava), so there is nowhere to show a picture.");
        return api;
    }

    /**
     * Calls the kernel's display function with the thread's interrupt flag lowered and raised again after: the
     * output goes through ZeroMQ on this thread, where an interrupt would be consumed (upstream IJava does not
     * guard it), and the training loop that drew the chart would never see that the cell was interrupted.
     */
    private static Object call(KernelApi api, String name, Class<?>[] types, Object... arguments) {
        boolean interrupted = Thread.interrupted();
        try {
            Method method = KernelApi.load(api.statics).getMethod(name, types);
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The kernel could not show it: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No notebook display available in " + api + "'s API: " + e, e);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
