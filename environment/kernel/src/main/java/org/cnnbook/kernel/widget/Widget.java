package org.cnnbook.kernel.widget;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A Jupyter widget's model, kept in step with its copy in the page (the widget protocol of ipywidgets 8). Its state
 * is a map of names to text, numbers, booleans, lists, maps and {@code byte[]} (sent as binary buffers). The last
 * expression of a cell, or {@code display(widget)}, shows it; a page without a widget front end (nbconvert, a
 * kernel without widgets) shows its text instead. Most widgets are {@link AnyWidget}s: a class and an ES module.
 *
 * <pre>{@code
 * var counter = new AnyWidget("""
 *     export default { render({ model, el }) {
 *       const b = document.createElement("button");
 *       const show = () => b.textContent = "clicked " + model.get("count") + " times";
 *       b.onclick = () => { model.set("count", model.get("count") + 1); model.save_changes(); };
 *       model.on("change:count", show); show(); el.append(b);
 *     } }""").set("count", 0);
 * counter.onChange("count", n -> System.out.println("count is now " + n));
 * counter
 * }</pre>
 *
 * Listeners run on the kernel's message thread, between cells, one message at a time: keep them short.
 */
public class Widget {
    private final Map<String, Object> state = new LinkedHashMap<>();
    private final Map<String, List<Consumer<Object>>> changeListeners = new LinkedHashMap<>();
    private final List<BiConsumer<Map<String, Object>, List<byte[]>>> messageListeners = new CopyOnWriteArrayList<>();
    private final String text;
    private volatile String id;
    private volatile boolean closed;

    /** A model of the front-end classes named in {@code frontEndClasses} ({@code _model_module} ...). */
    protected Widget(Map<String, Object> frontEndClasses, String text) {
        state.putAll(frontEndClasses);
        this.text = text;
    }

    /** What a page without widgets shows instead. */
    public String text() {
        return text;
    }

    /** The model's id in the page; null until the widget is first shown. */
    public String id() {
        return id;
    }

    public boolean isOpen() {
        return id != null && !closed;
    }

    /** Changes one value, here and (when the widget is shown) in the page. */
    public Widget set(String name, Object value) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(name, value);
        return setAll(change);
    }

    /** Changes several values in one message. */
    public Widget setAll(Map<String, ?> changes) {
        WidgetState.encode(changes, List.of()); // refuses a value the protocol cannot carry, before anything changes
        synchronized (state) {
            state.putAll(changes);
        }
        if (isOpen()) WidgetComms.current().update(this, new LinkedHashMap<>(changes));
        return this;
    }

    /** The value as last set here or in the page: String, Long, Double, Boolean, List, Map, byte[] or null. */
    public Object get(String name) {
        synchronized (state) {
            return state.get(name);
        }
    }

    public Map<String, Object> state() {
        synchronized (state) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(state));
        }
    }

    /** Called with the new value whenever the page changes {@code name}. */
    public Widget onChange(String name, Consumer<Object> listener) {
        synchronized (changeListeners) {
            changeListeners
                    .computeIfAbsent(name, n -> new CopyOnWriteArrayList<>())
                    .add(listener);
        }
        return this;
    }

    /** Called with the content and buffers of each custom message the page sends ({@code model.send(...)}). */
    public Widget onMessage(BiConsumer<Map<String, Object>, List<byte[]>> listener) {
        messageListeners.add(listener);
        return this;
    }

    /** A custom message to the page ({@code model.on("msg:custom", ...)} there). */
    public void send(Map<String, ?> content, byte[]... buffers) {
        if (!isOpen()) throw new IllegalStateException("show the widget before sending it messages");
        WidgetComms.current().custom(this, content, List.of(buffers));
    }

    /** Shows the widget's model in the page (display and the last expression of a cell do this). */
    public String open() {
        if (id == null) {
            synchronized (this) {
                if (id == null) id = WidgetComms.current().open(this);
            }
        }
        return id;
    }

    /** Removes the model here and in the page. */
    public void close() {
        if (isOpen()) WidgetComms.current().close(this);
        closed = true;
    }

    void closedByPage() {
        closed = true;
    }

    /** The page changed these values: kept, then each listener called (a failing listener does not stop others). */
    void changedByPage(Map<String, Object> changes, ListenerFailures failures) {
        synchronized (state) {
            state.putAll(changes);
        }
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            List<Consumer<Object>> listeners;
            synchronized (changeListeners) {
                listeners = new ArrayList<>(changeListeners.getOrDefault(change.getKey(), List.of()));
            }
            for (Consumer<Object> listener : listeners)
                failures.run("change of '" + change.getKey() + "'", () -> listener.accept(change.getValue()));
        }
    }

    void messageFromPage(Map<String, Object> content, List<byte[]> buffers, ListenerFailures failures) {
        for (BiConsumer<Map<String, Object>, List<byte[]>> listener : messageListeners)
            failures.run("custom message", () -> listener.accept(content, buffers));
    }

    /** Whether a page that draws widgets (JupyterLab 4, Notebook 7) is connected to this kernel. */
    public static boolean pageShowsWidgets() {
        WidgetComms comms = WidgetComms.currentOrNull();
        return comms != null && comms.pageShowsWidgets();
    }

    @Override
    public String toString() {
        return text;
    }

    /** Reports a listener's exception without ending the message's handling. */
    interface ListenerFailures {
        void run(String what, Runnable listener);
    }
}
