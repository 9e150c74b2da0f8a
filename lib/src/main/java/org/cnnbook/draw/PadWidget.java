package org.cnnbook.draw;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cnnbook.kernel.widget.AnyWidget;

/**
 * The pad in the page: pad.js draws the canvas, the 28x28 picture and the bars. The page sets {@code strokes} and
 * {@code request} (a counter) when a stroke ends or Clear is pressed; the kernel answers with {@code reading} (the same request,
 * probabilities, answer or error) and {@code seen} (784 bytes, as a binary buffer). Keep is a custom message.
 * Only this class needs this project's kernel: {@link DrawingPad#show} creates it only there.
 */
final class PadWidget extends AnyWidget {
    PadWidget(DrawingPad pad) {
        super(
                resource("pad.js"),
                resource("pad.css"),
                "The drawing pad: open this notebook in JupyterLab 4 or Jupyter Notebook 7 with this project's kernel to draw");
        setAll(answer(0, Reading.NOTHING, null, 0));
        // the request counter changes with every message; the strokes do not when Clear is pressed twice
        onChange("request", value -> {
            long request = value instanceof Number n ? n.longValue() : 0;
            long start = System.nanoTime();
            Reading reading = Reading.NOTHING;
            String error = null;
            try {
                reading = pad.drawn(Drawing.fromPage(get("strokes")));
            } catch (RuntimeException e) {
                error = e.getMessage() != null ? e.getMessage() : e.toString();
            }
            setAll(answer(request, reading, error, (System.nanoTime() - start) / 1e6));
        });
        onMessage((content, buffers) -> {
            if (!"keep".equals(content.get("event"))) return;
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("event", "kept");
            try {
                int label = content.get("label") instanceof Number n ? n.intValue() : -1;
                Path file = pad.keep(label);
                reply.put(
                        "file", pad.kept().folder().resolve(file.getFileName()).toString());
                reply.put("count", pad.kept().count());
            } catch (IOException | RuntimeException e) {
                reply.put("error", e.getMessage() != null ? e.getMessage() : e.toString());
            }
            send(reply);
        });
    }

    private static Map<String, Object> answer(long request, Reading reading, String error, double kernelMs) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("request", request);
        List<Double> probabilities = new ArrayList<>();
        for (double p : reading.probabilities()) probabilities.add(p);
        value.put("probabilities", probabilities);
        value.put("answer", reading.hasAnswer() ? reading.answer() : null);
        value.put("error", error);
        value.put("kernel_ms", kernelMs);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("reading", value);
        changes.put("seen", reading.seenBytes());
        return changes;
    }

    static String resource(String name) {
        try (InputStream in = PadWidget.class.getResourceAsStream(name)) {
            if (in == null)
                throw new IllegalStateException("lib's jar lacks org/cnnbook/draw/" + name + ": rebuild it (make lib)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
