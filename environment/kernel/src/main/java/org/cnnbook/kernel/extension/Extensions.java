package org.cnnbook.kernel.extension;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.dflib.jjava.jupyter.Extension;

/**
 * JJava's extension mechanism in this kernel: every {@link Extension} that a jar on the classpath names in its
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension} file is installed once, with a view of this kernel
 * ({@link JJavaKernelView}), after a cell added jars; {@code JJAVA_LOAD_EXTENSIONS=0} (or {@code false}, or empty)
 * switches it off, as in JJava. An extension that fails is reported and left out; the kernel goes on.
 */
public final class Extensions {
    public static final String SWITCH = "JJAVA_LOAD_EXTENSIONS";

    private final JJavaKernelView kernel;
    private final boolean enabled;
    private final Map<String, Extension> installed = new LinkedHashMap<>();

    public Extensions(io.github.spencerpark.jupyter.kernel.display.Renderer renderer, Map<String, String> env) {
        this.kernel = JJavaKernelView.over(renderer);
        this.enabled = enabled(env.get(SWITCH));
    }

    static boolean enabled(String value) {
        if (value == null) return true;
        String v = value.trim().toLowerCase(Locale.ROOT);
        return !(v.isEmpty() || v.equals("0") || v.equals("false"));
    }

    /** Installs the extensions {@code loader} finds that are not installed yet; returns how many it installed. */
    public int installNew(ClassLoader loader) {
        if (!enabled || loader == null) return 0;
        int count = 0;
        Iterator<Extension> found = ServiceLoader.load(Extension.class, loader).iterator();
        while (true) {
            Extension extension;
            try {
                if (!found.hasNext()) break;
                extension = found.next();
            } catch (ServiceConfigurationError e) {
                System.err.println("A JJava extension could not be loaded: " + e.getMessage());
                continue;
            }
            String name = extension.getClass().getName();
            if (installed.containsKey(name)) continue;
            try {
                extension.install(kernel);
                installed.put(name, extension);
                count++;
            } catch (RuntimeException | LinkageError e) {
                System.err.println("The JJava extension " + name + " failed to install (" + e
                        + "); it needs more of JJava's API than this kernel offers (its renderers).");
                installed.put(name, null);
            }
        }
        return count;
    }

    public void uninstallAll() {
        installed.values().forEach(extension -> {
            if (extension == null) return;
            try {
                extension.uninstall(kernel);
            } catch (RuntimeException | LinkageError e) {
                // shutting down: nothing left to tell
            }
        });
        installed.clear();
    }
}
