package org.cnnbook.kernel.io;

/**
 * Sends a cell's output with the cell thread's interrupt flag lowered, and raises it again afterwards. Output goes
 * out through JeroMQ on the thread that writes it; an interrupted thread there either has the flag consumed (the
 * cell's code, e.g. a training loop checking {@code Thread.interrupted()} between batches, then never learns it
 * was asked to stop) or gets its NIO pipe closed under it.
 */
public final class Uninterrupted {
    private Uninterrupted() {}

    public static void run(Runnable io) {
        boolean interrupted = Thread.interrupted();
        try {
            io.run();
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
