package org.cnnbook.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

        // written into memory full of NaN (every value must be written, padding's zeros too), at an offset
        INDArray buffer = Nd4j.valueArrayOf(
                new long[] {(long) kernel * kernel + 1, (long) batch * outH * outW}, Float.NaN, DataType.FLOAT);
        INDArray actual = buffer.get(NDArrayIndex.interval(1, kernel * kernel + 1), NDArrayIndex.all());
        SingleChannelPatches patches = new SingleChannelPatches();
        patches.fill(images.reshape(batch, size, size), g, outH, outW, false, actual);
        assertEquals(expected, actual);

        INDArray withOnes = Nd4j.valueArrayOf(
                new long[] {(long) kernel * kernel + 1, (long) batch * outH * outW}, Float.NaN, DataType.FLOAT);
        patches.fill(images.reshape(batch, size, size), g, outH, outW, true, withOnes);
        assertEquals(expected, withOnes.get(NDArrayIndex.interval(0, kernel * kernel), NDArrayIndex.all()));
        assertEquals(
                Nd4j.ones(DataType.FLOAT, (long) batch * outH * outW),
                withOnes.get(NDArrayIndex.point(kernel * kernel), NDArrayIndex.all()));
    }
}
