package org.cnnbook.onednn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnbook.engine.Nd4jSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** oneDNN's matrix product called directly computes what ND4J's gemm does, for every transpose, with a bias too. */
class MatMulTest {
    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    @Test
    void everyTransposeWithAndWithoutBiasAndReluMatchesNd4jsGemm() {
        Nd4j.getRandom().setSeed(5);
        long m = 7, k = 5, n = 3; // all different, so that a swapped size or layout shows
        for (boolean ta : new boolean[] {false, true})
            for (boolean tb : new boolean[] {false, true})
                for (boolean withBias : new boolean[] {false, true})
                    for (boolean relu : new boolean[] {false, true}) {
                        INDArray a = Nd4j.rand(DataType.FLOAT, ta ? new long[] {k, m} : new long[] {m, k})
                                .subi(0.5);
                        INDArray b = Nd4j.rand(DataType.FLOAT, tb ? new long[] {n, k} : new long[] {k, n})
                                .subi(0.5);
                        INDArray bias = withBias ? Nd4j.rand(DataType.FLOAT, 1, n) : null;
                        INDArray expected = Nd4j.create(DataType.FLOAT, m, n);
                        Nd4j.gemm(a, b, expected, ta, tb, 1.0, 0.0);
                        if (withBias) expected.addiRowVector(bias);
                        if (relu) Transforms.relu(expected, false);
                        // the output starts as garbage: the product must overwrite it, not add to it
                        INDArray actual = Nd4j.rand(DataType.FLOAT, m, n);
                        MatMul product = MatMul.of(new ProductShape(m, k, n, ta, tb, withBias, relu));
                        product.run(a, b, bias, actual);
                        double difference =
                                Transforms.abs(expected.sub(actual)).maxNumber().doubleValue();
                        assertTrue(difference < 1e-6, product.shape() + ": differs by " + difference);
                    }
    }

    @Test
    void readsViewsOfALargerBufferInPlace() {
        // DL4J's parameters and gradients are views into one flat array: the product must use the view's offset
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 40);
        INDArray weights =
                flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(10, 25)).reshape('c', 5, 3);
        INDArray a = Nd4j.rand(DataType.FLOAT, 4, 5);
        INDArray expected = a.mmul(weights);
        INDArray actual = Nd4j.create(DataType.FLOAT, 4, 3);
        MatMul.of(new ProductShape(4, 5, 3, false, false, false, false)).run(a, weights, null, actual);
        assertEquals(0, Transforms.abs(expected.sub(actual)).maxNumber().doubleValue(), 1e-6);
    }

    @Test
    void anArrayOfAnotherSizeIsRefusedWithWhatWasExpected() {
        MatMul product = MatMul.of(new ProductShape(4, 5, 3, false, false, false, false));
        IllegalArgumentException wrong = assertThrows(
                IllegalArgumentException.class,
                () -> product.run(
                        Nd4j.create(DataType.FLOAT, 4, 6),
                        Nd4j.create(DataType.FLOAT, 5, 3),
                        null,
                        Nd4j.create(DataType.FLOAT, 4, 3)));
        assertTrue(wrong.getMessage().contains("oneDNN expects 80 bytes"), wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ProductShape(0, 5, 3, false, false, false, false));
    }
}
