package org.cnnbook.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.KernelTimestamp;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.adapters.HeaderAdapter;
import io.github.spencerpark.jupyter.messages.adapters.HistoryRequestAdapter;
import io.github.spencerpark.jupyter.messages.adapters.KernelTimestampAdapter;
import io.github.spencerpark.jupyter.messages.adapters.MessageTypeAdapter;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.zeromq.ZMQ;

/**
 * Decodes one Jupyter wire message from the frames of one ZeroMQ multipart message, and says why when it cannot.
 * <p>
 * basekernel's reader blocked in {@code recv} looking for the {@code <IDS|MSG>} delimiter (a message without one hung
 * the channel and ate the next message's frames), compared signatures with {@code String.equals} (not constant
 * time), and threw on a missing header field. Here every frame is already received, nothing blocks, and a message
 * that is not a well-formed, correctly signed Jupyter message is refused with a reason.
 */
public final class WireMessage {
    public static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .create();
    /** Frames kept of one message; a Jupyter message has identities, 6 frames and a few buffers. */
    static final int MAX_FRAMES = 1024;

    private static final byte[] TOO_MANY_FRAMES = new byte[0];
    private static final Type MAP = new com.google.gson.reflect.TypeToken<Map<String, Object>>() {}.getType();

    private WireMessage() {}

    /** A decoded message, or the reason it was refused. */
    public record Decoded(Message<?> message, String refusal) {
        static Decoded refused(String reason) {
            return new Decoded(null, reason);
        }

        public boolean ok() {
            return message != null;
        }
    }

    /** The frames of the next multipart message on {@code socket}, or null when none is waiting (never blocks). */
    public static List<byte[]> receive(ZMQ.Socket socket) {
        byte[] first = socket.recv(ZMQ.DONTWAIT);
        if (first == null) return null;
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        boolean tooMany = false;
        while (socket.hasReceiveMore()) { // the rest of a multipart message has arrived with its first frame
            byte[] frame = socket.recv();
            if (frames.size() < MAX_FRAMES) frames.add(frame);
            else tooMany = true;
        }
        return tooMany ? List.of(TOO_MANY_FRAMES) : frames;
    }

    public static Decoded decode(List<byte[]> frames, HMACGenerator hmac) {
        if (frames.size() == 1 && frames.get(0) == TOO_MANY_FRAMES)
            return Decoded.refused("more than " + MAX_FRAMES + " frames");
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++)
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                delimiter = i;
                break;
            }
        if (delimiter < 0) return Decoded.refused("no <IDS|MSG> delimiter among " + frames.size() + " frames");
        if (frames.size() - delimiter - 1 < 5)
            return Decoded.refused(
                    "fewer than the 5 frames (signature, header, parent, metadata, content) after " + "the delimiter");
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        String expected = hmac.calculateSignature(header, parent, metadata, content);
        if (expected != null && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature))
            return Decoded.refused("bad signature");
        try {
            return decodeSigned(frames, delimiter, header, parent, metadata, content);
        } catch (RuntimeException e) { // Gson's syntax errors, wrong JSON types, unknown enum values
            return Decoded.refused("malformed JSON: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Decoded decodeSigned(
            List<byte[]> frames, int delimiter, byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        JsonObject headerJson = object(header);
        if (headerJson == null) return Decoded.refused("the header is not a JSON object");
        for (String field : List.of("msg_id", "msg_type"))
            if (!headerJson.has(field) || !headerJson.get(field).isJsonPrimitive())
                return Decoded.refused("the header has no " + field);
        Header<?> parsedHeader = GSON.fromJson(headerJson, Header.class);
        if (parsedHeader.getType() == null) return Decoded.refused("the header's msg_type is not a string");

        JsonObject parentJson = object(parent);
        Header<?> parsedParent = parentJson != null && parentJson.has("msg_id") && parentJson.has("msg_type")
                ? GSON.fromJson(parentJson, Header.class)
                : null;
        JsonObject metadataJson = object(metadata);
        Map<String, Object> parsedMetadata = metadataJson == null ? Map.of() : GSON.fromJson(metadataJson, MAP);
        JsonObject contentJson = object(content);
        if (contentJson == null) return Decoded.refused("the content is not a JSON object");
        Object parsedContent = GSON.fromJson(contentJson, parsedHeader.getType().getContentType());

        List<byte[]> identities = new ArrayList<>(frames.subList(0, delimiter));
        List<byte[]> blobs = new ArrayList<>(frames.subList(delimiter + 6, frames.size()));
        return new Decoded(
                new Message(identities, parsedHeader, parsedParent, parsedMetadata, parsedContent, blobs), null);
    }

    private static JsonObject object(byte[] frame) {
        JsonElement element = new JsonParser().parse(new String(frame, StandardCharsets.UTF_8)); // gson 2.8.5
        return element.isJsonObject() ? element.getAsJsonObject() : null;
    }
}
