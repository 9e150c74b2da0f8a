package org.cnnbook.engine;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A contiguous float array's elements as a buffer over ND4J's native memory, for bulk reads and writes in Java. */
public final class FloatElements {
    private FloatElements() {}

    /** Index 0 is {@code contiguous}'s first element (its offset applied), the limit its length; nothing copied. */
    public static FloatBuffer of(INDArray contiguous) {
        FloatBuffer whole = contiguous.data().asNioFloat();
        whole.position((int) contiguous.offset());
        FloatBuffer elements = whole.slice();
        elements.limit((int) contiguous.length());
        return elements;
    }
}
