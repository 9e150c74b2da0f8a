package org.cnnbook.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.EvalException;

/** What a student reads after a cell ran out of memory: how full the heap still is, and the two ways out. */
final class OutOfMemoryAdvice {
    private OutOfMemoryAdvice() {}

    static boolean applies(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) return true;
            if (t instanceof EvalException eval
                    && OutOfMemoryError.class.getName().equals(eval.getExceptionClassName())) return true;
        }
        return false;
    }

    static List<String> lines(List<String> droppedVariables) {
        System.gc(); // what the failed cell allocated is garbage now; the numbers should show what is still held
        Runtime runtime = Runtime.getRuntime();
        long usedMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        long maxMb = runtime.maxMemory() >> 20;
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("The kernel ran out of memory; it is still running. Its heap now holds " + usedMb + " MB of at most "
                + maxMb + " MB.");
        if (!droppedVariables.isEmpty())
            lines.add("  To give the memory back, the variables this cell declared were set to null: "
                    + String.join(", ", droppedVariables) + ".");
        lines.addAll(List.of(
                "  - Free memory: set variables that hold large data to null (e.g. images = null;) and run the cell"
                        + " again.",
                "  - Or give the kernel more: set IJAVA_JVM_OPTS=-Xmx8g (in the environment that starts Jupyter, or"
                        + " in the kernelspec's env) and restart the kernel.",
                "  - ND4J's arrays live outside the heap: their limit is -Dorg.bytedeco.javacpp.maxbytes=8g in the"
                        + " same options."));
        return lines;
    }
}
