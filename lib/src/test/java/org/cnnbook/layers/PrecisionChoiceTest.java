package org.cnnbook.layers;

import static org.junit.jupiter.api.Assertions.*;

import org.cnnbook.onednn.Precision;
import org.junit.jupiter.api.Test;

/** Which precision a run's convolutions start with: CNNBOOK_PRECISION, else bf16 where the CPU computes in it. */
class PrecisionChoiceTest {
    @Test
    void unsetMeansBf16WhereTheCpuHasItAndFp32Elsewhere() {
        assertEquals(Precision.BF16_IN_FP32, DirectOneDnn.precisionFor(null, true));
        assertEquals(Precision.BF16_IN_FP32, DirectOneDnn.precisionFor(" ", true));
        assertEquals(Precision.FP32, DirectOneDnn.precisionFor(null, false));
    }

    @Test
    void theSettingWinsWhereTheCpuCanFollowIt() {
        assertEquals(Precision.FP32, DirectOneDnn.precisionFor("fp32", true));
        assertEquals(Precision.FP32, DirectOneDnn.precisionFor("FP32", false));
        assertEquals(Precision.BF16_IN_FP32, DirectOneDnn.precisionFor("bf16", true));
        assertEquals(Precision.FP32, DirectOneDnn.precisionFor("bf16", false), "no bf16 arithmetic: fp32, with a note");
    }

    @Test
    void anUnknownSettingIsRefusedWithTheChoices() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DirectOneDnn.precisionFor("fp16", true));
        assertTrue(
                e.getMessage().contains("CNNBOOK_PRECISION=fp16")
                        && e.getMessage().contains("fp32 or bf16"),
                e.getMessage());
    }

    @Test
    void thisJvmStartedWithTheRuleApplied() {
        // surefire sets CNNBOOK_PRECISION=fp32 for lib's tests (they compare with DL4J's fp32 layers at 1e-3)
        String expected = DirectOneDnn.precisionFor(System.getenv("CNNBOOK_PRECISION"), LibLayers.bf16Available())
                        == Precision.FP32
                ? "fp32"
                : "bf16";
        assertEquals(expected, LibLayers.convolutionPrecision());
        assertTrue(
                LibLayers.describePrecision().startsWith("lib's convolutions after the first compute in " + expected),
                LibLayers.describePrecision());
    }

    @Test
    void theDescriptionFollowsASwitch() {
        if (!LibLayers.bf16Available()) {
            assertTrue(LibLayers.describePrecision().contains("no bf16 arithmetic"), LibLayers.describePrecision());
            return;
        }
        String before = LibLayers.convolutionPrecision();
        try {
            LibLayers.computeConvolutionsIn("bf16");
            assertTrue(LibLayers.describePrecision().contains("compute in bf16 (")
                    && LibLayers.describePrecision().contains("CNNBOOK_PRECISION=fp32"));
            LibLayers.computeConvolutionsIn("fp32");
            assertTrue(LibLayers.describePrecision().contains("compute in fp32 (")
                    && LibLayers.describePrecision().contains("CNNBOOK_PRECISION=bf16"));
        } finally {
            LibLayers.computeConvolutionsIn(before);
        }
    }
}
