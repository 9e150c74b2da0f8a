package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.JavaKernel;

/** {@code getKernelInstance()} and {@code eval(code)} for notebooks, identical to IJava's. */
public final class Kernel {
    private Kernel() {}

    public static JavaKernel getKernelInstance() {
        JavaKernel kernel = IJava.getKernelInstance();
        if (kernel == null) throw new RuntimeException("No IJava kernel running");
        return kernel;
    }

    public static Object eval(String code) throws Exception {
        return getKernelInstance().evalRaw(code);
    }
}
