package org.cnnbook.display;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** JJava's renderer (loaded only in JJava; its API is basekernel's, in JJava's packages). */
final class JJavaRenderers {
    private JJavaRenderers() {}

    static void register(Class<? extends MimeBundle> type, List<String> mimeTypes) {
        register(((BaseKernel) KernelApi.JJAVA.kernel()).getRenderer(), type, mimeTypes);
    }

    static void register(Renderer renderer, Class<? extends MimeBundle> type, List<String> mimeTypes) {
        MIMEType[] types = mimeTypes.stream().map(MIMEType::parse).toArray(MIMEType[]::new);
        renderer.createRegistration(type).preferring(types).register((bundle, context) -> bundle.mimeBundle()
                .forEach((mime, data) -> context.renderIfRequested(MIMEType.parse(mime), () -> data)));
    }
}
