package org.cnnbook.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The kill test's Java side times all three paths and finds the two oneDNN copies computing the same conv2. */
class ConvolutionProbeTest {
    @Test
    void timesEveryPathAndComparesTheirResults() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConvolutionProbe.main(new String[] {"--rounds", "1", "--calls", "2"});
        } finally {
            System.setOut(original);
        }
        String line = captured.toString(StandardCharsets.UTF_8).strip();
        for (String path : new String[] {"libnd4j_fp32", "onednn_fp32", "onednn_bf16"}) {
            assertTrue(number(line, path + "_forward_ms") > 0, line);
            assertTrue(number(line, path + "_backward_ms") > 0, line);
        }
        for (String part : new String[] {"y", "dx", "dw", "db"}) {
            assertTrue(number(line, "onednn_fp32_vs_libnd4j_" + part) < 1e-4, line);
            // bf16 keeps 8 significant bits; a wrong layout or a missing bias would differ by far more
            assertTrue(number(line, "onednn_bf16_vs_libnd4j_" + part) < 0.05, line);
        }
        assertEquals(1, org.cnnbook.onednn.OneDnn.openMpRuntimesLoaded().size(), line);
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([0-9.e+-]+)").matcher(json);
        assertTrue(m.find(), key + " missing in " + json);
        return Double.parseDouble(m.group(1));
    }
}
