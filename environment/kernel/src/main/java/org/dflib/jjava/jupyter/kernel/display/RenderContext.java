package org.dflib.jjava.jupyter.kernel.display;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** What a render function is asked for, as JJava's {@code RenderContext}: a view of basekernel's. */
public final class RenderContext {
    private final io.github.spencerpark.jupyter.kernel.display.RenderContext delegate;

    RenderContext(io.github.spencerpark.jupyter.kernel.display.RenderContext delegate) {
        this.delegate = delegate;
    }

    public boolean wantsDataRenderedAs(MIMEType type) {
        return delegate.wantsDataRenderedAs(type.basekernel());
    }

    public boolean renderIfRequested(MIMEType type, Supplier<Object> data) {
        return delegate.renderIfRequested(type.basekernel(), data);
    }

    public boolean renderIfRequested(MIMEType type, Function<MIMEType, Object> data) {
        return delegate.renderIfRequested(
                type.basekernel(), resolved -> data.apply(MIMEType.parse(resolved.toString())));
    }

    public boolean renderIfRequested(MIMEType type, BiConsumer<MIMEType, DisplayData> data) {
        return delegate.renderIfRequested(
                type.basekernel(),
                (resolved, out) -> data.accept(MIMEType.parse(resolved.toString()), new DisplayData(out)));
    }

    public Object getParameter(String key) {
        return delegate.getParameter(key);
    }

    public Object getParameter(String key, Object fallback) {
        return delegate.getParameter(key, fallback);
    }

    public String getParameterAsString(String key) {
        return delegate.getParameterAsString(key);
    }
}
