package org.dflib.jjava.jupyter.kernel;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

/** What an {@link org.dflib.jjava.jupyter.Extension} is given: this kernel, seen through JJava's API (its renderer). */
public abstract class BaseKernel {
    protected static BaseKernel notebookKernel;

    /** The running kernel, as JJava's {@code BaseKernel.notebookKernel()}. */
    public static BaseKernel notebookKernel() {
        if (notebookKernel == null)
            throw new NullPointerException("No kernel running. Likely called outside of the notebook lifecycle.");
        return notebookKernel;
    }

    public abstract Renderer getRenderer();
}
