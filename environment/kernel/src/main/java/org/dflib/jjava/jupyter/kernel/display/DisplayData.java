package org.dflib.jjava.jupyter.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** The representations being rendered, as JJava's {@code DisplayData}: a view of basekernel's. */
public final class DisplayData {
    private final io.github.spencerpark.jupyter.kernel.display.DisplayData delegate;

    DisplayData(io.github.spencerpark.jupyter.kernel.display.DisplayData delegate) {
        this.delegate = delegate;
    }

    public void putData(String type, Object data) {
        delegate.putData(type, data);
    }

    public void putData(MIMEType type, Object data) {
        delegate.putData(type.basekernel(), data);
    }

    public Object getData(MIMEType type) {
        return delegate.getData(type.basekernel());
    }

    public boolean hasDataForType(MIMEType type) {
        return delegate.hasDataForType(type.basekernel());
    }

    public void putText(String text) {
        delegate.putText(text);
    }

    public void putHTML(String html) {
        delegate.putHTML(html);
    }

    public void putMarkdown(String markdown) {
        delegate.putMarkdown(markdown);
    }
}
