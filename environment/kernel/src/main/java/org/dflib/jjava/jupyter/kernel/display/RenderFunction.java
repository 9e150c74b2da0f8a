package org.dflib.jjava.jupyter.kernel.display;

/** Fills a {@link RenderContext} with the representations of one value. */
@FunctionalInterface
public interface RenderFunction<T> {
    void render(T value, RenderContext context);
}
