package org.cnnbook.kernel.widget;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java values to the widget protocol's JSON and back. Binary values ({@code byte[]}) do not go into the JSON: they
 * travel as the message's buffers, each with the path where it belongs ({@code buffer_paths}), as ipywidgets does.
 */
final class WidgetState {
    private WidgetState() {}

    /** JSON of a map of Java values, its buffers taken out; the paths start with {@code prefix}. */
    static Encoded encode(Map<String, ?> values, List<Object> prefix) {
        Encoded encoded = new Encoded(new JsonObject(), new JsonArray(), new ArrayList<>());
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            List<Object> path = append(prefix, entry.getKey());
            JsonElement json = toJson(entry.getValue(), path, encoded);
            if (json != null) encoded.json().add(entry.getKey(), json);
        }
        return encoded;
    }

    /** null where the value went into a buffer. */
    private static JsonElement toJson(Object value, List<Object> path, Encoded encoded) {
        if (value == null) return JsonNull.INSTANCE;
        if (value instanceof byte[] bytes) {
            JsonArray jsonPath = new JsonArray();
            path.forEach(
                    p -> jsonPath.add(p instanceof Integer i ? new JsonPrimitive(i) : new JsonPrimitive((String) p)));
            encoded.bufferPaths().add(jsonPath);
            encoded.buffers().add(bytes);
            return null;
        }
        if (value instanceof JsonElement json) return json;
        if (value instanceof String || value instanceof Character) return new JsonPrimitive(value.toString());
        if (value instanceof Number number) return new JsonPrimitive(number);
        if (value instanceof Boolean bool) return new JsonPrimitive(bool);
        if (value instanceof Enum<?> constant) return new JsonPrimitive(constant.name());
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                JsonElement json = toJson(entry.getValue(), append(path, key), encoded);
                object.add(key, json == null ? JsonNull.INSTANCE : json);
            }
            return object;
        }
        List<?> items = asList(value);
        if (items != null) {
            JsonArray array = new JsonArray();
            for (int i = 0; i < items.size(); i++) {
                JsonElement json = toJson(items.get(i), append(path, i), encoded);
                array.add(json == null ? JsonNull.INSTANCE : json);
            }
            return array;
        }
        throw new IllegalArgumentException("A widget's state holds text, numbers, booleans, lists, maps and byte[]; "
                + "not " + value.getClass().getName() + " (at " + path + ")");
    }

    private static List<?> asList(Object value) {
        if (value instanceof List<?> list) return list;
        if (value instanceof Iterable<?> iterable) {
            List<Object> list = new ArrayList<>();
            iterable.forEach(list::add);
            return list;
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) list.add(Array.get(value, i));
            return list;
        }
        return null;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    /**
     * Java values of a JSON object from the front end, with its buffers put back at their paths. Throws
     * {@link IllegalArgumentException} saying what is wrong (a path that leads nowhere, paths and buffers that do not
     * pair up); the state is then left as it was.
     */
    static Map<String, Object> decode(JsonObject state, JsonElement bufferPaths, List<byte[]> buffers) {
        Map<String, Object> values = new LinkedHashMap<>();
        state.entrySet().forEach(e -> values.put(e.getKey(), toJava(e.getValue())));
        int pathCount = bufferPaths == null || bufferPaths.isJsonNull()
                ? 0
                : pathsOf(bufferPaths).size();
        int bufferCount = buffers == null ? 0 : buffers.size();
        if (pathCount != bufferCount)
            throw new IllegalArgumentException(pathCount + " buffer paths for " + bufferCount + " buffers");
        for (int i = 0; i < pathCount; i++) put(values, pathsOf(bufferPaths).get(i), buffers.get(i));
        return values;
    }

    private static JsonArray pathsOf(JsonElement bufferPaths) {
        if (!bufferPaths.isJsonArray()) throw new IllegalArgumentException("buffer_paths is not a list");
        return bufferPaths.getAsJsonArray();
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> values, JsonElement path, byte[] buffer) {
        if (!path.isJsonArray() || path.getAsJsonArray().size() == 0)
            throw new IllegalArgumentException("a buffer path is not a non-empty list: " + path);
        JsonArray steps = path.getAsJsonArray();
        Object container = values;
        for (int i = 0; i < steps.size(); i++) {
            JsonElement step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (container instanceof Map<?, ?> map && isText(step)) {
                if (last) ((Map<String, Object>) map).put(step.getAsString(), buffer);
                else container = map.get(step.getAsString());
            } else if (container instanceof List<?> list && isIndex(step, list.size())) {
                if (last) ((List<Object>) list).set(step.getAsInt(), buffer);
                else container = list.get(step.getAsInt());
            } else {
                throw new IllegalArgumentException("the buffer path " + path + " leads nowhere in the state");
            }
        }
    }

    private static boolean isText(JsonElement step) {
        return step.isJsonPrimitive() && step.getAsJsonPrimitive().isString();
    }

    private static boolean isIndex(JsonElement step, int size) {
        if (!step.isJsonPrimitive() || !step.getAsJsonPrimitive().isNumber()) return false;
        double index = step.getAsDouble();
        return index == Math.rint(index) && index >= 0 && index < size;
    }

    /** Maps, lists, strings, booleans, null, and numbers as Long when whole (and in range), else Double. */
    static Object toJava(JsonElement json) {
        if (json == null || json.isJsonNull()) return null;
        if (json.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            json.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        if (json.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            json.getAsJsonArray().forEach(item -> list.add(toJava(item)));
            return list;
        }
        JsonPrimitive primitive = json.getAsJsonPrimitive();
        if (primitive.isBoolean()) return primitive.getAsBoolean();
        if (primitive.isString()) return primitive.getAsString();
        BigDecimal number = primitive.getAsBigDecimal();
        try {
            return number.longValueExact();
        } catch (ArithmeticException notWhole) {
            return number.doubleValue();
        }
    }

    record Encoded(JsonObject json, JsonArray bufferPaths, List<byte[]> buffers) {}
}
