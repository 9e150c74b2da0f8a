package org.cnnbook.kernel.magic;

import java.util.List;

/** What the magics need from the kernel. */
public interface MagicHost {
    void addToClasspath(String path);

    /** Runs code through the full cell pipeline (magics included) without showing its value. */
    void evalSilently(String code) throws Exception;

    default void addAllToClasspath(List<String> paths) {
        paths.forEach(this::addToClasspath);
    }
}
