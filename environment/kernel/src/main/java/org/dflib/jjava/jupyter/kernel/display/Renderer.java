package org.dflib.jjava.jupyter.kernel.display;

import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** JJava's renderer API over this kernel's (basekernel's) renderer: registering how a class is shown. */
public final class Renderer {
    private final io.github.spencerpark.jupyter.kernel.display.Renderer delegate;

    public Renderer(io.github.spencerpark.jupyter.kernel.display.Renderer delegate) {
        this.delegate = delegate;
    }

    public <T> RenderRegistration<T> createRegistration(Class<T> type) {
        return new RenderRegistration<>(type);
    }

    /** How objects of some classes are shown: the MIME types they support and prefer, and the function that shows them. */
    public final class RenderRegistration<T> {
        private final List<Class<? extends T>> types = new ArrayList<>();
        private final List<MIMEType> supported = new ArrayList<>();
        private final List<MIMEType> preferred = new ArrayList<>();

        public RenderRegistration(Class<? extends T> type) {
            types.add(type);
        }

        public RenderRegistration<T> supporting(MIMEType... mimeTypes) {
            supported.addAll(List.of(mimeTypes));
            return this;
        }

        public RenderRegistration<T> preferring(MIMEType... mimeTypes) {
            preferred.addAll(List.of(mimeTypes));
            return this;
        }

        public RenderRegistration<T> supporting(String... mimeTypes) {
            for (String type : mimeTypes) supported.add(MIMEType.parse(type));
            return this;
        }

        public RenderRegistration<T> preferring(String... mimeTypes) {
            for (String type : mimeTypes) preferred.add(MIMEType.parse(type));
            return this;
        }

        public RenderRegistration<T> onType(Class<? extends T> type) {
            types.add(type);
            return this;
        }

        @SuppressWarnings("unchecked")
        public void register(RenderFunction<T> function) {
            var registration = delegate.createRegistration((Class<T>) types.get(0));
            for (Class<? extends T> type : types.subList(1, types.size())) registration.onType(type);
            registration.supporting(supported.stream()
                    .map(MIMEType::basekernel)
                    .toArray(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType[]::new));
            registration.preferring(preferred.stream()
                    .map(MIMEType::basekernel)
                    .toArray(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType[]::new));
            registration.register((value, context) -> function.render(value, new RenderContext(context)));
        }
    }
}
