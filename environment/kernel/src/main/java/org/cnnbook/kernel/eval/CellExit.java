package org.cnnbook.kernel.eval;

/**
 * What a cell's {@code System.exit(n)}, {@code Runtime.getRuntime().exit(n)} or {@code halt(n)} calls instead
 * ({@link ExitGuard} rewrites the snippet's bytecode): the kernel runs the cell in its own JVM, so exiting would end
 * the kernel, lose every variable, and in a graded batch leave the notebook ungraded. The cell stops with an error.
 */
public final class CellExit {
    private CellExit() {}

    public static void exit(int status) {
        throw new CellExitException("System.exit(" + status + ")");
    }

    public static void exit(Runtime runtime, int status) {
        throw new CellExitException("Runtime.exit(" + status + ")");
    }

    public static void halt(Runtime runtime, int status) {
        throw new CellExitException("Runtime.halt(" + status + ")");
    }

    /** The cell called one of the JVM's exits. */
    public static final class CellExitException extends RuntimeException {
        CellExitException(String call) {
            super(call + " would end the kernel and every variable with it, so the cell stops here instead. "
                    + "To start afresh, restart the kernel (Kernel > Restart Kernel); to end a cell with an error, "
                    + "throw an exception.");
        }
    }
}
