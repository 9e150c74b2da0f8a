package org.cnnbook.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs on a command line, with defaults; an unknown name is an error that lists the known. */
final class Arguments {
    private Arguments() {}

    static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!defaults.containsKey(name) || i + 1 == args.length)
                throw new IllegalArgumentException("Unknown or incomplete argument '" + args[i] + "'. Known: "
                        + String.join(
                                ", ",
                                defaults.keySet().stream()
                                        .map(k -> "--" + k + " <value>")
                                        .toList()));
            values.put(name, args[++i]);
        }
        return values;
    }
}
