package org.cnnbook.kernel.magic;

import java.util.List;

/** What the magics need from the kernel. */
public interface MagicHost {
    void addToClasspath(String path);

    /** Runs code through the full cell pipeline (magics included) without showing its value. */
    void evalSilently(String code) throws Exception;

    /** Runs code through the full cell pipeline and returns its value (null for none). */
    Object evalValue(String code) throws Exception;

    /** Shows a line or two of text as the cell's output, now. */
    void displayText(String text);

    default void addAllToClasspath(List<String> paths) {
        paths.forEach(this::addToClasspath);
    }
}
