package org.cnnbook.kernel.lifecycle;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends the kernel process for sure: shutdown hooks get a moment (JavaCPP and DL4J register some), then the JVM is
 * halted even if a hook, or a cell's thread that ignores interrupts, would keep it alive.
 */
public final class KernelExit {
    public static final long GRACE_MS = 2000;

    private KernelExit() {}

    /** Exits with {@code code} after printing {@code message} (if any) to the kernel's log (the server's terminal). */
    public static void exit(int code, String message) {
        // java.util.logging writes to the stream that was System.err when the kernel started: the server's terminal
        if (message != null) Logger.getLogger(KernelExit.class.getName()).log(Level.SEVERE, message);
        haltLater(code, GRACE_MS);
        new Thread(() -> System.exit(code), "IJava-exit").start();
    }

    /** Halts with {@code code} after {@code delayMs} unless the process has ended by then. */
    public static void haltLater(int code, long delayMs) {
        Thread halt = new Thread(
                () -> {
                    try {
                        Thread.sleep(delayMs);
                    } catch (InterruptedException ignored) {
                        // halt now
                    }
                    Runtime.getRuntime().halt(code);
                },
                "IJava-halt");
        halt.setDaemon(true);
        halt.start();
    }
}
