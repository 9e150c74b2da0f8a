package org.cnnbook.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireMessageTest {
    private static final String HEADER =
            "{\"msg_id\":\"m1\",\"msg_type\":\"execute_request\",\"session\":\"s\",\"username\":\"u\",\"version\":\"5.3\","
                    + "\"date\":\"2026-11-28T12:00:00.000000Z\"}";
    private static final String CONTENT =
            "{\"code\":\"1+1\",\"silent\":false,\"store_history\":true,\"allow_stdin\":false,\"stop_on_error\":true}";

    private final HMACGenerator hmac = hmac("secret");

    private static HMACGenerator hmac(String key) {
        try {
            return new HMACGenerator("hmac-sha256", key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<byte[]> frames(HMACGenerator signer, String header, String parent, String metadata, String content) {
        List<byte[]> frames = new ArrayList<>();
        frames.add("client-identity".getBytes(StandardCharsets.UTF_8));
        frames.add(WireMessage.DELIMITER);
        byte[][] parts = {bytes(header), bytes(parent), bytes(metadata), bytes(content)};
        frames.add(bytes(signer.calculateSignature(parts)));
        for (byte[] part : parts) frames.add(part);
        return frames;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aWellFormedSignedMessageIsDecoded() {
        WireMessage.Decoded decoded = WireMessage.decode(frames(hmac, HEADER, "{}", "{}", CONTENT), hmac);
        assertTrue(decoded.ok(), decoded.refusal());
        assertEquals(MessageType.EXECUTE_REQUEST, decoded.message().getHeader().getType());
        assertEquals("1+1", ((ExecuteRequest) decoded.message().getContent()).getCode());
        assertEquals(1, decoded.message().getIdentities().size());
    }

    @Test
    void brokenMessagesAreRefusedWithAReason() {
        List<byte[]> noDelimiter = frames(hmac, HEADER, "{}", "{}", CONTENT);
        noDelimiter.remove(1);
        assertRefused(noDelimiter, "no <IDS|MSG> delimiter");
        assertRefused(frames(hmac("another key"), HEADER, "{}", "{}", CONTENT), "bad signature");
        assertRefused(frames(hmac, "{not json", "{}", "{}", CONTENT), "malformed JSON");
        assertRefused(frames(hmac, "{\"msg_id\":\"m1\"}", "{}", "{}", CONTENT), "no msg_type");
        assertRefused(frames(hmac, "[1, 2]", "{}", "{}", CONTENT), "header is not a JSON object");
        assertRefused(frames(hmac, HEADER, "{}", "{}", "[]"), "content is not a JSON object");
        assertRefused(frames(hmac, HEADER, "{}", "{}", "{\"code\": {\"nested\": 1}}"), "malformed JSON");
        assertRefused(frames(hmac, HEADER, "{}", "{}", CONTENT).subList(0, 4), "fewer than the 5 frames");
    }

    @Test
    void oddParentAndMetadataDoNotStopAnOtherwiseGoodMessage() {
        WireMessage.Decoded decoded = WireMessage.decode(frames(hmac, HEADER, "[]", "null", CONTENT), hmac);
        assertTrue(decoded.ok(), decoded.refusal());
        assertFalse(decoded.message().hasParentHeader());
    }

    @Test
    void withoutAKeyMessagesAreNotChecked() {
        HMACGenerator none = HMACGenerator.NO_AUTH_INSTANCE;
        List<byte[]> unsigned = frames(hmac, HEADER, "{}", "{}", CONTENT);
        unsigned.set(2, new byte[0]);
        assertTrue(WireMessage.decode(unsigned, none).ok());
    }

    private void assertRefused(List<byte[]> frames, String reason) {
        WireMessage.Decoded decoded = WireMessage.decode(frames, hmac);
        assertFalse(decoded.ok());
        assertTrue(decoded.refusal().contains(reason), decoded.refusal());
    }
}
