package org.cnnbook.plot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.unbescape.html.HtmlEscape;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A Tablesaw figure as plotly's figure JSON, {@code {"data": [traces], "layout": {...}}}. Tablesaw writes each part
 * as a JavaScript object literal from an HTML template (unquoted names, single quotes, trailing commas, strings
 * HTML-escaped); read leniently, they are JSON.
 */
final class FigureJson {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private FigureJson() {}

    static ObjectNode of(Figure figure) {
        ObjectNode json = LENIENT.createObjectNode();
        ArrayNode data = json.putArray("data");
        Trace[] traces = figure.getTraces();
        for (int i = 0; i < traces.length; i++) data.add(objectLiteral(traces[i].asJavascript(i)));
        json.set(
                "layout",
                figure.getLayout() == null
                        ? LENIENT.createObjectNode()
                        : objectLiteral(figure.getLayout().asJavascript()));
        return json;
    }

    /** The JSON of {@code json} as plain Java maps, lists, strings, numbers and booleans. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(ObjectNode json) {
        return LENIENT.convertValue(json, Map.class);
    }

    /** The object in {@code var name = {...};}, its strings unescaped. */
    static ObjectNode objectLiteral(String javascript) {
        int start = javascript.indexOf('{');
        int end = javascript.lastIndexOf('}');
        if (start < 0 || end < start)
            throw new IllegalArgumentException("Tablesaw wrote no object literal: " + abbreviated(javascript));
        try (JsonParser parser = LENIENT.createParser(javascript.substring(start, end + 1))) {
            JsonNode node = LENIENT.readTree(parser);
            if (!(node instanceof ObjectNode object))
                throw new IllegalArgumentException("Not an object literal: " + abbreviated(javascript));
            return (ObjectNode) unescaped(object);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read Tablesaw's figure as JSON (" + e.getMessage() + "): " + abbreviated(javascript), e);
        }
    }

    /** Strings unescaped; a plain string {@code title} becomes {@code {"text": ...}}, the only form plotly.js 3 reads. */
    private static JsonNode unescaped(JsonNode node) {
        if (node.isTextual()) return TextNode.valueOf(HtmlEscape.unescapeHtml(node.textValue()));
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = unescaped(field.getValue());
                if (field.getKey().equals("title") && value.isTextual())
                    value = LENIENT.createObjectNode().set("text", value);
                field.setValue(value);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, unescaped(array.get(i)));
        }
        return node;
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
