package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.UUID;

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
        Kernel.getKernelInstance().getIO().display.updateDisplay(id, render(o));
    }

    public static void updateDisplay(String id, Object o, String... as) {
        Kernel.getKernelInstance().getIO().display.updateDisplay(id, render(o, as));
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
