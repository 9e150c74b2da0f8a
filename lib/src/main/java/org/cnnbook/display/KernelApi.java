package org.cnnbook.display;

/**
 * The notebook API of the kernel running this JVM: IJava's (this project's kernel and upstream IJava 1.3.0 share
 * its class names), JJava's, or none (a plain JVM: tests, the benchmark).
 */
enum KernelApi {
    /** {@code io.github.spencerpark.ijava.runtime.Display}, {@code IJava.getKernelInstance()}, basekernel's renderer. */
    IJAVA("io.github.spencerpark.ijava.runtime.Display", "io.github.spencerpark.ijava.IJava", "getKernelInstance"),
    /** {@code org.dflib.jjava.jupyter.kernel.BaseNotebookStatics} and {@code BaseKernel.notebookKernel()}. */
    JJAVA(
            "org.dflib.jjava.jupyter.kernel.BaseNotebookStatics",
            "org.dflib.jjava.jupyter.kernel.BaseKernel",
            "notebookKernel"),
    NONE(null, null, null);

    final String statics;
    final String display = "display";
    final String update = "updateDisplay";
    private final String kernelClass;
    private final String kernelGetter;

    KernelApi(String statics, String kernelClass, String kernelGetter) {
        this.statics = statics;
        this.kernelClass = kernelClass;
        this.kernelGetter = kernelGetter;
    }

    /** The API of the kernel that runs this JVM: IJava's first (this project's kernel may offer both), else JJava's. */
    static KernelApi running() {
        for (KernelApi api : new KernelApi[] {IJAVA, JJAVA}) if (api.kernel() != null) return api;
        return NONE;
    }

    /** The running kernel instance of this API, or null when its classes are missing or no kernel runs. */
    Object kernel() {
        Class<?> type = kernelClass == null || load(statics) == null ? null : load(kernelClass);
        if (type == null) return null;
        try {
            return type.getMethod(kernelGetter).invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // JJava's getter throws when no kernel runs
        }
    }

    /** The class {@code name} as the notebook's code sees it (the kernel's classes sit above JShell's loader). */
    static Class<?> load(String name) {
        for (ClassLoader loader : new ClassLoader[] {
            Thread.currentThread().getContextClassLoader(),
            KernelApi.class.getClassLoader(),
            ClassLoader.getSystemClassLoader()
        }) {
            if (loader == null) continue;
            try {
                return Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not this loader, or not this kernel
            }
        }
        return null;
    }
}
