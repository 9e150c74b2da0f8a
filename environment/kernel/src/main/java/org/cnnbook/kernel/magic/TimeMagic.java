package org.cnnbook.kernel.magic;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code %time code} and {@code %%time} (a whole cell), as JJava and IPython have them: runs the code, shows how long
 * it took (the process's CPU time, user and system, and the wall-clock time) and gives back the code's value.
 * The CPU time is the whole JVM's: ND4J computes on threads of its own.
 */
public final class TimeMagic {
    public static final String NAME = "time";
    private final MagicHost host;

    public TimeMagic(MagicHost host) {
        this.host = host;
    }

    public void registerIn(MagicCatalog magics) {
        magics.registerLineMagic(NAME, args -> time(String.join(" ", args)));
        magics.registerCellMagic(NAME, (args, body) -> time(body));
    }

    Object time(String code) throws Exception {
        if (code.isBlank()) return null;
        long[] cpuBefore = cpuNanos();
        long wallBefore = System.nanoTime();
        try {
            return host.evalValue(code);
        } finally {
            long wall = System.nanoTime() - wallBefore;
            long[] cpuAfter = cpuNanos();
            host.displayText(report(cpuBefore, cpuAfter, wall));
        }
    }

    /** "CPU times: user 1.234 s, sys 0.056 s, total 1.290 s" (where known) and "Wall time: 1.300 s", JJava's format. */
    static String report(long[] cpuBefore, long[] cpuAfter, long wallNanos) {
        StringBuilder text = new StringBuilder();
        if (cpuBefore != null && cpuAfter != null) {
            double user = (cpuAfter[0] - cpuBefore[0]) / 1e9;
            double sys = (cpuAfter[1] - cpuBefore[1]) / 1e9;
            text.append(String.format("CPU times: user %.3f s, sys %.3f s, total %.3f s%n", user, sys, user + sys));
        }
        return text.append(String.format("Wall time: %.3f s", wallNanos / 1e9)).toString();
    }

    /** The process's user and system CPU time in nanoseconds (Linux's /proc/self/stat), or null elsewhere. */
    static long[] cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            List<String> fields =
                    List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            long ticksPerSecond = 100; // USER_HZ, 100 on every Linux the JVM runs on
            return new long[] {
                Long.parseLong(fields.get(11)) * 1_000_000_000L / ticksPerSecond,
                Long.parseLong(fields.get(12)) * 1_000_000_000L / ticksPerSecond
            };
        } catch (Exception e) {
            var os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean bean)
                return new long[] {bean.getProcessCpuTime(), 0};
            return null;
        }
    }
}
