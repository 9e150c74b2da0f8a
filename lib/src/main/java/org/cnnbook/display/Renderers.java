package org.cnnbook.display;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers lib's {@link MimeBundle} classes with the running kernel's renderer, so that such an object as a cell's
 * value is shown in all its formats: in this project's kernel and upstream IJava through basekernel's renderer, in
 * JJava through its own (the same design, in other packages). Outside a kernel it does nothing.
 */
public final class Renderers {
    private static final Set<Class<?>> REGISTERED = new HashSet<>();

    private Renderers() {}

    /** Tells the kernel once that objects of {@code type} show themselves as {@code mimeTypes}, preferred in that order. */
    public static synchronized void register(Class<? extends MimeBundle> type, String... mimeTypes) {
        if (REGISTERED.contains(type)) return;
        KernelApi api = KernelApi.running();
        if (api == KernelApi.NONE) return;
        if (api == KernelApi.IJAVA) IJavaRenderers.register(type, List.of(mimeTypes));
        else JJavaRenderers.register(type, List.of(mimeTypes));
        REGISTERED.add(type);
    }
}
