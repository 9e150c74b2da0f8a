package org.cnnbook.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.cnnbook.engine.CpuInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code make seeds} in miniature: one seed, one epoch, 1,200 real MNIST images, both layer sets. */
@Tag("mnist")
class SeedSweepSmokeTest {
    @Test
    void printsATableOfTestAccuracyPerLayerSetWithTheCpu() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SeedSweep.main(new String[] {"--seeds", "1", "--epochs", "1", "--images", "1200"});
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("CPU: " + CpuInfo.ofThisMachine().model()), out);
        assertTrue(out.contains("1,080 images to train on, 120 held out for validation"), out);
        for (String layers : new String[] {"lib", "dl4j"})
            assertTrue(
                    out.lines()
                            .anyMatch(l ->
                                    l.matches(layers + "\\s+\\d+\\.\\d\\d %\\s+\\d+\\.\\d\\d %\\s+\\d+\\.\\d\\d %.*")),
                    out);
    }
}
