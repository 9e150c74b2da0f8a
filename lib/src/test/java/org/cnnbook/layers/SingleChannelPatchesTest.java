package org.cnnbook.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The Java im2col gives libnd4j's im2col, in its own row order, for kernel sizes, strides and padding. */
class SingleChannelPatchesTest {

    @ParameterizedTest
    @CsvSource({"5, 1, 0, Truncate", "3, 2, 1, Truncate", "4, 1, 2, Truncate", "2, 3, 0, Truncate"})
    void matchesLibnd4jIm2col(int kernel, int stride, int padding, ConvolutionMode mode) {
        int batch = 3, size = 11;
        INDArray images = Nd4j.rand(DataType.FLOAT, batch, 1, size, size);
        Geometry g = Geometry.of(
                new int[] {kernel, kernel},
                new int[] {stride, stride},
                new int[] {padding, padding},
                new int[] {1, 1},
                mode);
        int outH = g.outHeight(size), outW = g.outWidth(size);
        INDArray expected = Convolution.im2col(
                        images,
                        kernel,
                        kernel,
                        stride,
                        stride,
                        padding,
                        padding,
                        mode == ConvolutionMode.Same) // [batch, 1, kH, kW, outH, outW]
                .reshape('c', batch, (long) kernel * kernel, (long) outH * outW)
                .permute(1, 0, 2)
                .dup('c')
                .reshape('c', (long) kernel * kernel, (long) batch * outH * outW);

        // written into a view in the middle of memory full of NaN: every value must be written (padding's zeros
        // too), and nothing before or after the view
        long columns = (long) batch * outH * outW;
        INDArray buffer = Nd4j.valueArrayOf(new long[] {kernel * kernel + 3L, columns}, Float.NaN, DataType.FLOAT);
        INDArray actual = buffer.get(NDArrayIndex.interval(1, kernel * kernel + 1), NDArrayIndex.all());
        SingleChannelPatches patches = new SingleChannelPatches();
        patches.fill(images.reshape(batch, size, size), g, outH, outW, false, actual);
        assertEquals(expected, actual);
        assertUntouched(buffer.get(NDArrayIndex.point(0), NDArrayIndex.all()));
        assertUntouched(
                buffer.get(NDArrayIndex.interval(kernel * kernel + 1, kernel * kernel + 3), NDArrayIndex.all()));

        INDArray withOnesBuffer =
                Nd4j.valueArrayOf(new long[] {kernel * kernel + 3L, columns}, Float.NaN, DataType.FLOAT);
        INDArray withOnes = withOnesBuffer.get(NDArrayIndex.interval(1, kernel * kernel + 2), NDArrayIndex.all());
        patches.fill(images.reshape(batch, size, size), g, outH, outW, true, withOnes);
        assertUntouched(withOnesBuffer.get(NDArrayIndex.point(0), NDArrayIndex.all()));
        assertUntouched(withOnesBuffer.get(NDArrayIndex.point(kernel * kernel + 2), NDArrayIndex.all()));
        assertEquals(expected, withOnesBuffer.get(NDArrayIndex.interval(1, kernel * kernel + 1), NDArrayIndex.all()));
        assertEquals(
                Nd4j.ones(DataType.FLOAT, (long) batch * outH * outW),
                withOnesBuffer.get(NDArrayIndex.point(kernel * kernel + 1), NDArrayIndex.all()));
    }

    private static void assertUntouched(INDArray guard) {
        assertTrue(guard.isNaN().all(), "written outside the patches' view: " + guard);
    }
}
