package org.cnnbook.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bf16 probe times both precisions and finds that bf16 computes the same convolution, to bf16's precision. */
class Bf16ProbeTest {
    @Test
    void timesConv2InBothPrecisionsAndComparesTheirOutputs() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Bf16Probe.main(new String[] {"2"});
        } finally {
            System.setOut(original);
        }
        String line = captured.toString(StandardCharsets.UTF_8).strip();
        assertTrue(number(line, "fp32_ms") > 0, line);
        assertTrue(number(line, "bf16_ms") > 0, line);
        double error = number(line, "bf16_relative_error");
        // bf16 keeps 8 significant bits (0.4 %); a wrong layout or a missing bias would differ by far more
        assertTrue(error > 0 && error < 0.05, line);
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([0-9.]+)").matcher(json);
        assertTrue(m.find(), key + " missing in " + json);
        return Double.parseDouble(m.group(1));
    }
}
