package org.cnnbook.kernel.widget;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.channels.ReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.comm.Comm;
import io.github.spencerpark.jupyter.kernel.comm.CommManager;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.comm.CommCloseCommand;
import io.github.spencerpark.jupyter.messages.comm.CommMsgCommand;
import io.github.spencerpark.jupyter.messages.comm.CommOpenCommand;
import io.github.spencerpark.jupyter.messages.request.CommInfoRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cnnbook.kernel.protocol.RefusalLog;

/**
 * The kernel's comms, with the widget protocol of ipywidgets 8 (2.1.0) on top of basekernel's: widget models opened
 * from Java with their state and buffers, {@code update}, {@code request_state} and {@code custom} messages both
 * ways, and the {@code jupyter.widget.control} comm a page opens to ask for every model's state when it reloads.
 * A message that does not fit (an unknown comm, a method it does not know, buffers that do not match their paths)
 * is dropped with a log line; nothing a page sends can end the kernel.
 */
public final class WidgetComms extends CommManager {
    static final String WIDGET_TARGET = "jupyter.widget";
    static final String CONTROL_TARGET = "jupyter.widget.control";
    static final String PROTOCOL_VERSION = "2.1.0";
    private static final Logger LOG = Logger.getLogger(WidgetComms.class.getName());
    private static volatile WidgetComms current;

    private final RefusalLog refusals = new RefusalLog(LOG);
    private final Supplier<ClassLoader> listenerLoader;
    private volatile boolean pageShowsWidgets;

    /** {@code listenerLoader}: the class loader listeners see as their context loader (the cells' classes). */
    public WidgetComms(Supplier<ClassLoader> listenerLoader) {
        this.listenerLoader = listenerLoader;
        this.comms = new ConcurrentHashMap<>(); // cells open comms while the message thread reads them
        this.targets = new ConcurrentHashMap<>();
        registerTarget(CONTROL_TARGET, (manager, id, target, message) -> {
            pageShowsWidgets = true;
            return new ControlComm(id);
        });
        current = this;
    }

    static WidgetComms current() {
        WidgetComms comms = current;
        if (comms == null)
            throw new IllegalStateException(
                    "Widgets need this project's Java kernel (environment/kernel); " + "this JVM runs none");
        return comms;
    }

    static WidgetComms currentOrNull() {
        return current;
    }

    boolean pageShowsWidgets() {
        return pageShowsWidgets;
    }

    String open(Widget widget) {
        if (iopub == null) throw new IllegalStateException("the kernel is not connected to Jupyter yet");
        String id = UUID.randomUUID().toString().replace("-", "");
        WidgetState.Encoded encoded = WidgetState.encode(widget.state(), List.of());
        JsonObject data = new JsonObject();
        data.add("state", encoded.json());
        data.add("buffer_paths", encoded.bufferPaths());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("version", PROTOCOL_VERSION);
        Message<CommOpenCommand> message = new Message<>(
                context,
                CommOpenCommand.MESSAGE_TYPE,
                new CommOpenCommand(id, WIDGET_TARGET, data),
                blobs(encoded.buffers()),
                metadata);
        registerComm(new WidgetComm(id, widget));
        iopub.sendMessage(message);
        return id;
    }

    void update(Widget widget, Map<String, Object> changes) {
        sendState(widget.id(), "update", "state", WidgetState.encode(changes, List.of()));
    }

    void custom(Widget widget, Map<String, ?> content, List<byte[]> buffers) {
        WidgetState.Encoded encoded = WidgetState.encode(content, List.of());
        JsonObject data = new JsonObject();
        data.addProperty("method", "custom");
        data.add("content", encoded.json());
        List<byte[]> all = new ArrayList<>(encoded.buffers());
        all.addAll(buffers);
        messageComm(widget.id(), data, null, blobs(all));
    }

    void close(Widget widget) {
        Comm comm = getCommByID(widget.id());
        if (comm != null) comm.close();
    }

    private void sendState(String commId, String method, String field, WidgetState.Encoded encoded) {
        JsonObject data = new JsonObject();
        data.addProperty("method", method);
        data.add(field, encoded.json());
        data.add("buffer_paths", encoded.bufferPaths());
        messageComm(commId, data, null, blobs(encoded.buffers()));
    }

    /**
     * basekernel's socket leaves a message with an empty list of blobs unfinished (its last frame is sent with
     * "more to come"), so the next message would be glued onto it: no buffers must be null.
     */
    private static List<byte[]> blobs(List<byte[]> buffers) {
        return buffers.isEmpty() ? null : buffers;
    }

    @Override
    public void handleCommMsgCommand(ReplyEnvironment env, Message<CommMsgCommand> message) {
        if (getCommByID(message.getContent().getCommID()) == null) {
            env.setBusyDeferIdle();
            refusals.refused("comm_msg for comm '" + message.getContent().getCommID() + "', which is not open");
            return;
        }
        super.handleCommMsgCommand(env, message);
    }

    @Override
    public void handleCommOpenCommand(ReplyEnvironment env, Message<CommOpenCommand> message) {
        String target = message.getContent().getTargetName();
        if (getTarget(target) == null)
            refusals.refused("comm_open for target '" + target + "', which this kernel does not have; closed");
        super.handleCommOpenCommand(env, message);
    }

    @Override
    public void handleCommInfoRequest(ReplyEnvironment env, Message<CommInfoRequest> message) {
        if (WIDGET_TARGET.equals(message.getContent().getTargetName())) pageShowsWidgets = true;
        super.handleCommInfoRequest(env, message);
    }

    /** Runs a listener with the cells' class loader as the context loader; its exception is logged, not thrown. */
    private void runListener(String what, Runnable listener) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(listenerLoader.get());
        try {
            listener.run();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) throw fatal;
            LOG.log(Level.WARNING, "A widget listener (" + what + ") failed", e);
            System.err.println("A widget's listener (" + what + ") failed: " + e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String methodOf(JsonObject data) {
        JsonElement method = data == null ? null : data.get("method");
        return method != null
                        && method.isJsonPrimitive()
                        && method.getAsJsonPrimitive().isString()
                ? method.getAsString()
                : null;
    }

    private final class WidgetComm extends Comm {
        private final Widget widget;

        WidgetComm(String id, Widget widget) {
            super(WidgetComms.this, id, WIDGET_TARGET);
            this.widget = widget;
        }

        @Override
        protected void onMessage(Message<CommMsgCommand> message) {
            JsonObject data = message.getContent().getData();
            String method = methodOf(data);
            try {
                if ("update".equals(method)) {
                    JsonElement state = data.get("state");
                    if (state == null || !state.isJsonObject()) throw new IllegalArgumentException("no state");
                    Map<String, Object> changes =
                            WidgetState.decode(state.getAsJsonObject(), data.get("buffer_paths"), message.getBlobs());
                    widget.changedByPage(changes, WidgetComms.this::runListener);
                } else if ("request_state".equals(method)) {
                    sendState(getID(), "update", "state", WidgetState.encode(widget.state(), List.of()));
                } else if ("custom".equals(method)) {
                    JsonElement content = data.get("content");
                    if (content == null || !content.isJsonObject()) throw new IllegalArgumentException("no content");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> values = (Map<String, Object>) WidgetState.toJava(content);
                    List<byte[]> buffers = message.getBlobs() == null ? List.of() : message.getBlobs();
                    widget.messageFromPage(values, buffers, WidgetComms.this::runListener);
                } else {
                    throw new IllegalArgumentException("the method "
                            + (method == null
                                    ? "is missing"
                                    : "'" + method + "' is not one of update, request_state, custom"));
                }
            } catch (IllegalArgumentException | ClassCastException | IllegalStateException e) {
                refusals.refused("widget " + getID() + ": " + e.getMessage());
            }
        }

        @Override
        protected void onClose(Message<CommCloseCommand> message, boolean sending) {
            widget.closedByPage();
        }
    }

    private final class ControlComm extends Comm {
        ControlComm(String id) {
            super(WidgetComms.this, id, CONTROL_TARGET);
        }

        @Override
        protected void onMessage(Message<CommMsgCommand> message) {
            String method = methodOf(message.getContent().getData());
            if (!"request_states".equals(method)) {
                refusals.refused("widget control: the method " + method + " is not request_states");
                return;
            }
            Map<String, Object> states = new LinkedHashMap<>();
            comms.forEach((id, comm) -> {
                if (!(comm instanceof WidgetComm open)) return;
                Widget widget = open.widget;
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("model_name", widget.get("_model_name"));
                model.put("model_module", widget.get("_model_module"));
                model.put("model_module_version", widget.get("_model_module_version"));
                model.put("state", widget.state());
                states.put(id, model);
            });
            WidgetState.Encoded encoded = WidgetState.encode(states, List.of());
            JsonObject data = new JsonObject();
            data.addProperty("method", "update_states");
            data.add("states", encoded.json());
            data.add("buffer_paths", encoded.bufferPaths());
            messageComm(getID(), data, null, blobs(encoded.buffers()));
        }

        @Override
        protected void onClose(Message<CommCloseCommand> message, boolean sending) {}
    }
}
