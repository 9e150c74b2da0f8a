package org.cnnbook.display;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderersTest {
    /** A figure-like object: JSON, a picture, a line of text. */
    static final class Bundle implements MimeBundle {
        @Override
        public Map<String, Object> mimeBundle() {
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("application/vnd.plotly.v1+json", Map.of("data", List.of()));
            bundle.put("image/png", "iVBORw0KGgo=");
            bundle.put("text/plain", "a figure");
            return bundle;
        }
    }

    private static final List<String> TYPES = List.of("application/vnd.plotly.v1+json", "image/png", "text/plain");

    @Test
    void basekernelsRendererShowsEveryFormatOfTheBundle() {
        var renderer = new io.github.spencerpark.jupyter.kernel.display.Renderer();
        IJavaRenderers.register(renderer, Bundle.class, TYPES);
        var data = renderer.render(new Bundle());
        for (String type : TYPES)
            assertEquals(
                    new Bundle().mimeBundle().get(type),
                    data.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.parse(type)),
                    type);
    }

    @Test
    void jjavasRendererShowsEveryFormatOfTheBundle() {
        var renderer = new org.dflib.jjava.jupyter.kernel.display.Renderer();
        JJavaRenderers.register(renderer, Bundle.class, TYPES);
        var data = renderer.render(new Bundle());
        for (String type : TYPES)
            assertEquals(
                    new Bundle().mimeBundle().get(type),
                    data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(type)),
                    type);
    }

    @Test
    void outsideAKernelNothingIsRegisteredAndDisplaySaysWhy() {
        assertEquals(KernelApi.NONE, KernelApi.running(), "the tests run in a plain JVM");
        Renderers.register(Bundle.class, TYPES.toArray(String[]::new)); // no kernel: nothing to tell, no error
        var error = assertThrows(IllegalStateException.class, () -> NotebookDisplay.display("x"));
        assertTrue(error.getMessage().contains("outside a Java kernel"), error.getMessage());
    }
}
