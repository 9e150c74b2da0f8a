package org.cnnbook.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuInfoTest {
    @Test
    void namesTheCpuAsLscpuDoesWithItsCoresAndVectorExtensions() throws Exception {
        CpuInfo cpu = CpuInfo.ofThisMachine();
        assertEquals(Runtime.getRuntime().availableProcessors(), cpu.cores());
        String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        assertTrue(cpuinfo.contains(cpu.model()), cpu.model());
        assertFalse(cpu.model().equals("unknown CPU"));
        for (String extension : cpu.extensions()) assertTrue(cpuinfo.contains(" " + extension), extension);
        assertEquals(cpuinfo.contains(" avx512f"), cpu.extensions().contains("avx512f"));
        assertTrue(cpu.toString().startsWith(cpu.model() + ", " + cpu.cores() + " cores, "), cpu.toString());
    }
}
