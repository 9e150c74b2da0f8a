package org.cnnbook.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.cnnbook.engine.CpuInfo;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private static final Map<String, String> DEFAULTS = Map.of("seeds", "5", "layers", "lib,dl4j");

    @Test
    void givenValuesReplaceDefaultsAndTheRestStay() {
        Map<String, String> values = Arguments.parse(new String[] {"--seeds", "2"}, DEFAULTS);
        assertEquals("2", values.get("seeds"));
        assertEquals("lib,dl4j", values.get("layers"));
    }

    @Test
    void anUnknownOrIncompleteArgumentNamesTheKnownOnes() {
        var unknown = assertThrows(
                IllegalArgumentException.class, () -> Arguments.parse(new String[] {"--seed", "2"}, DEFAULTS));
        assertTrue(
                unknown.getMessage().contains("'--seed'")
                        && unknown.getMessage().contains("--seeds <value>"),
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Arguments.parse(new String[] {"--seeds"}, DEFAULTS));
    }

    @Test
    void theCpuIsDescribedByModelCoresAndExtensions() {
        CpuInfo cpu = CpuInfo.ofThisMachine();
        assertTrue(cpu.cores() >= 1);
        assertFalse(cpu.model().isBlank());
        assertTrue(cpu.toString().startsWith(cpu.model() + ", " + cpu.cores() + " cores"), cpu.toString());
    }
}
