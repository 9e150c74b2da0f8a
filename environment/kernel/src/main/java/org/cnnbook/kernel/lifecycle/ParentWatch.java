package org.cnnbook.kernel.lifecycle;

import java.util.Map;
import java.util.Optional;

/**
 * Ends the kernel when the process that started it is gone (a crashed or killed Jupyter server), as ipykernel does
 * with {@code JPY_PARENT_PID}: otherwise the JVM would live on, holding its memory, with nobody to talk to.
 */
public final class ParentWatch {
    static final long CHECK_EVERY_MS = 1000;

    private ParentWatch() {}

    /** Starts watching; returns the watched process id, if there is one to watch. */
    public static Optional<Long> start(Map<String, String> environment) {
        Optional<ProcessHandle> parent = parentOf(environment);
        parent.ifPresent(handle -> {
            Thread watch = new Thread(() -> watch(handle), "IJava-parent-watch");
            watch.setDaemon(true);
            watch.start();
        });
        return parent.map(ProcessHandle::pid);
    }

    static Optional<ProcessHandle> parentOf(Map<String, String> environment) {
        String declared = environment.get("JPY_PARENT_PID");
        if (declared != null && declared.matches("\\d+") && Long.parseLong(declared) > 1)
            return ProcessHandle.of(Long.parseLong(declared));
        return ProcessHandle.current().parent().filter(p -> p.pid() > 1);
    }

    private static void watch(ProcessHandle parent) {
        while (parent.isAlive()) {
            try {
                Thread.sleep(CHECK_EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
        KernelExit.exit(
                0, "The process that started the kernel (pid " + parent.pid() + ") has ended; the kernel exits too.");
    }
}
