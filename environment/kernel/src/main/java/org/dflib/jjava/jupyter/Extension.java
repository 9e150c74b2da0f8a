package org.dflib.jjava.jupyter;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/** A library's hook into the kernel, found with {@link java.util.ServiceLoader} when its jar is on the classpath. */
public interface Extension {
    void install(BaseKernel kernel);

    default void uninstall(BaseKernel kernel) {}
}
