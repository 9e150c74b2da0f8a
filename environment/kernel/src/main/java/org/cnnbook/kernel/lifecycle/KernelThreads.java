package org.cnnbook.kernel.lifecycle;

/**
 * What happens when a thread dies of an uncaught Throwable. The kernel's own threads (its channels and JeroMQ's I/O
 * threads) cannot be replaced: without them the kernel is deaf while its heartbeat may go on, so the kernel exits
 * and Jupyter restarts it. A thread of the student's code prints its stack trace, to the notebook, as Java does.
 */
public final class KernelThreads {
    private static final String[] KERNEL_THREAD_PREFIXES = {"iothread-", "reaper-", "Shell-", "Control-"};

    private KernelThreads() {}

    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            try {
                if (isKernelThread(thread)) diedOf(thread.getName(), error);
                else error.printStackTrace();
            } catch (Throwable fullHeap) { // not even this could run: a deaf kernel must not live on
                if (isKernelThread(thread)) Runtime.getRuntime().halt(1);
            }
        });
    }

    /** Allocates nothing: it may run on a full heap. */
    static boolean isKernelThread(Thread thread) {
        String name = thread.getName();
        for (int i = 0; i < KERNEL_THREAD_PREFIXES.length; i++)
            if (name.startsWith(KERNEL_THREAD_PREFIXES[i])) return true;
        return false;
    }

    /** Exits because a kernel thread failed; on a full heap, where even the message cannot be built, halts. */
    public static void diedOf(String threadName, Throwable error) {
        try {
            KernelExit.exit(
                    1,
                    "The kernel's thread " + threadName + " failed (" + error + "). The kernel exits so that Jupyter "
                            + "can restart it.");
        } catch (Throwable cannotEvenSayIt) {
            Runtime.getRuntime().halt(1);
        }
    }

    /** Waits until {@code thread} has ended, unless it is the calling thread (a channel closing itself). */
    public static void awaitEnd(Thread thread) {
        if (thread == null || thread == Thread.currentThread()) return;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
