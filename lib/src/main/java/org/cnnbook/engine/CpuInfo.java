package org.cnnbook.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU a measurement ran on, as {@code lscpu} names it: model, core count and the vector extensions that decide
 * which kernels oneDNN and BLAS pick (AVX-512, its bf16 instructions, AMX). Results differ between CPUs, so every
 * measurement prints this.
 */
public record CpuInfo(String model, int cores, Set<String> extensions) {
    private static final List<String> EXTENSIONS_OF_INTEREST =
            List.of("avx2", "avx512f", "avx512_bf16", "avx512_vnni", "amx_tile", "amx_bf16");

    public static CpuInfo ofThisMachine() {
        String model = "unknown CPU";
        Set<String> extensions = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name") && model.equals("unknown CPU"))
                    model = line.substring(line.indexOf(':') + 1).trim();
                if (line.startsWith("flags"))
                    for (String flag :
                            line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
                        if (EXTENSIONS_OF_INTEREST.contains(flag)) extensions.add(flag);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the model stays unknown
        }
        return new CpuInfo(model, Runtime.getRuntime().availableProcessors(), extensions);
    }

    @Override
    public String toString() {
        return String.format(
                "%s, %d cores, %s", model, cores, extensions.isEmpty() ? "no AVX2" : String.join(" ", extensions));
    }
}
