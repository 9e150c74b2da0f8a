package org.cnnbook.display;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;

/** basekernel's renderer, in this project's kernel and in upstream IJava 1.3.0 (loaded only there). */
final class IJavaRenderers {
    private IJavaRenderers() {}

    static void register(Class<? extends MimeBundle> type, List<String> mimeTypes) {
        register(kernel().getRenderer(), type, mimeTypes);
    }

    static void register(Renderer renderer, Class<? extends MimeBundle> type, List<String> mimeTypes) {
        MIMEType[] types = mimeTypes.stream().map(MIMEType::parse).toArray(MIMEType[]::new);
        renderer.createRegistration(type).preferring(types).register((bundle, context) -> bundle.mimeBundle()
                .forEach((mime, data) -> context.renderIfRequested(MIMEType.parse(mime), () -> data)));
    }

    private static BaseKernel kernel() {
        return (BaseKernel) KernelApi.IJAVA.kernel();
    }
}
