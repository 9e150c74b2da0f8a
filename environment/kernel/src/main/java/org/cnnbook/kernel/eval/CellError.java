package org.cnnbook.kernel.eval;

/**
 * An {@link Error} (StackOverflowError, OutOfMemoryError, ...) thrown outside the cell's own snippets, e.g. by
 * JShell's compiler or while rendering the value, carried as an Exception so that it becomes an error reply like
 * any other instead of ending the kernel's thread.
 */
public class CellError extends Exception {
    public CellError(Throwable error) {
        super(error.toString(), error);
    }
}
