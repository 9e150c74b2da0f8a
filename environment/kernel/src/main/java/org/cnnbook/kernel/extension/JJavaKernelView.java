package org.cnnbook.kernel.extension;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

/** This kernel as JJava's extensions see it ({@code BaseKernel.notebookKernel()}): its renderer. */
final class JJavaKernelView extends BaseKernel {
    private final Renderer renderer;

    private JJavaKernelView(io.github.spencerpark.jupyter.kernel.display.Renderer renderer) {
        this.renderer = new Renderer(renderer);
    }

    /** The view of the kernel that renders with {@code renderer}, also made {@code BaseKernel.notebookKernel()}. */
    static JJavaKernelView over(io.github.spencerpark.jupyter.kernel.display.Renderer renderer) {
        JJavaKernelView view = new JJavaKernelView(renderer);
        notebookKernel = view;
        return view;
    }

    @Override
    public Renderer getRenderer() {
        return renderer;
    }
}
