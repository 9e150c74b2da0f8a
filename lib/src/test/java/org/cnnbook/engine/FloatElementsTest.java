package org.cnnbook.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FloatElementsTest {
    @Test
    void aViewsElementsStartAtItsOffsetAndEndAtItsLength() {
        Nd4jSetup.ensure();
        INDArray whole = Nd4j.arange(10).castTo(DataType.FLOAT).reshape(1, 10);
        INDArray view = whole.get(NDArrayIndex.point(0), NDArrayIndex.interval(3, 7));
        FloatBuffer elements = FloatElements.of(view);
        assertEquals(4, elements.remaining());
        assertEquals(3f, elements.get(0));
        assertEquals(6f, elements.get(3));
        elements.put(0, -1f);
        assertEquals(-1f, whole.getFloat(0, 3), "written into the array's own memory");
        assertEquals(2f, whole.getFloat(0, 2));
    }
}
