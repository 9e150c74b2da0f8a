package org.cnnbook.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RunLimitsTest {
    @Test
    void aQuickRunCapsImagesAndEpochs() {
        RunLimits quick = RunLimits.of(2000, 1);
        assertTrue(quick.limited());
        assertEquals(2000, quick.trainCount(60_000));
        assertEquals(500, quick.testCount(10_000), "a sixth, at least 500");
        assertEquals(1, quick.epochs(5));
        assertEquals("DATASET_LIMIT=2000, MAX_EPOCH=1", quick.describe());
        assertEquals(3000, RunLimits.of(18_000, 0).testCount(10_000));
        assertEquals(5, RunLimits.of(18_000, 0).epochs(5));
    }

    @Test
    void noLimitsIsTheFullRunAndNegativeLimitsAreRefused() {
        RunLimits none = RunLimits.none();
        assertFalse(none.limited());
        assertEquals(60_000, none.trainCount(60_000));
        assertEquals(10_000, none.testCount(10_000));
        assertEquals(5, none.epochs(5));
        assertEquals("full run", none.describe());
        assertThrows(IllegalArgumentException.class, () -> RunLimits.of(-1, 0));
    }
}
