package org.cnnbook.onednn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.cnnbook.engine.Nd4jSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * oneDNN 2.5.2 called directly, in the same JVM as libnd4j's own oneDNN 2.3: both compute the same convolution
 * (forward, input, weight and bias gradients), one OpenMP runtime serves both, and arrays are read in place.
 */
class ConvolutionTest {
    private static final int[] CONV_ARGS = {3, 3, 2, 1, 1, 0, 1, 1, 0, 1, 1}; // 3x3, stride 2x1, pad 1x0, NHWC, OIHW

    @BeforeAll
    static void nd4j() {
        Nd4jSetup.ensure();
    }

    private static ConvShape shape(boolean relu, Precision p) {
        // 7x9x3 -> 4x7x5, stride (2, 1), padding (1, 0): odd sizes, so that a wrong padding or layout shows
        return new ConvShape(4, 7, 9, 3, 5, 4, 7, 3, 3, 2, 1, 1, 0, 1, 1, relu, p);
    }

    @Test
    void fp32MatchesLibnd4jForwardAndBackwardInOneJvm() throws Exception {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 7, 9, 3).subi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, 5, 3, 3, 3).subi(0.5);
        INDArray b = Nd4j.rand(DataType.FLOAT, 5).subi(0.5);
        INDArray dy = Nd4j.rand(DataType.FLOAT, 4, 4, 7, 5).subi(0.5);
        INDArray y = Nd4j.create(DataType.FLOAT, 4, 4, 7, 5), dx = Nd4j.create(DataType.FLOAT, x.shape());
        INDArray dw = Nd4j.create(DataType.FLOAT, w.shape()), db = Nd4j.create(DataType.FLOAT, 5);
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(x, w, b)
                .addOutputs(y)
                .addIntegerArguments(CONV_ARGS)
                .build());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(x, w, b, dy)
                .addOutputs(dx, dw, db)
                .addIntegerArguments(CONV_ARGS)
                .build());

        Convolution conv = Convolution.of(shape(false, Precision.FP32));
        INDArray y2 = Nd4j.create(DataType.FLOAT, y.shape()), dx2 = Nd4j.create(DataType.FLOAT, x.shape());
        INDArray dw2 = Nd4j.create(DataType.FLOAT, w.shape()), db2 = Nd4j.create(DataType.FLOAT, 5);
        conv.forward(x, w, b, y2);
        conv.backward(x, w, dy, dx2, dw2, db2);
        assertClose(y, y2, 1e-5);
        assertClose(dx, dx2, 1e-5);
        assertClose(dw, dw2, 1e-5);
        assertClose(db, db2, 1e-5);

        Convolution fused = Convolution.of(shape(true, Precision.FP32));
        fused.forward(x, w, b, y2);
        assertClose(Transforms.relu(y, true), y2, 1e-5);
        assertEquals(
                1, OneDnn.openMpRuntimesLoaded().size(), "one OpenMP runtime should serve libnd4j and oneDNN 2.5.2");
    }

    @Test
    void bf16AgreesWithFp32ToBf16Precision() {
        assumeTrue(OneDnn.hasNativeBf16(), "this CPU has no bf16 arithmetic (avx512_bf16 or AMX)");
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 7, 9, 3);
        INDArray w = Nd4j.rand(DataType.FLOAT, 5, 3, 3, 3).subi(0.5);
        INDArray b = Nd4j.rand(DataType.FLOAT, 5);
        INDArray y32 = Nd4j.create(DataType.FLOAT, 4, 4, 7, 5);
        Convolution.of(shape(false, Precision.FP32)).forward(x, w, b, y32);
        INDArray y16 = Nd4j.create(DataType.BFLOAT16, 4, 4, 7, 5);
        Convolution.of(shape(false, Precision.BF16)).forward(x.castTo(DataType.BFLOAT16), w, b, y16);
        assertClose(y32, y16.castTo(DataType.FLOAT), 2e-2);
    }

    /** fp32 arrays computed in bf16, as lib's layers use it: forward and all gradients within bf16's precision. */
    @Test
    void bf16InsideFp32ArraysAgreesWithFp32ForwardAndBackward() {
        assumeTrue(OneDnn.hasNativeBf16(), "this CPU has no bf16 arithmetic (avx512_bf16 or AMX)");
        Nd4j.getRandom().setSeed(6);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 7, 9, 3).subi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, 5, 3, 3, 3).subi(0.5);
        INDArray b = Nd4j.rand(DataType.FLOAT, 5).subi(0.5);
        INDArray dy = Nd4j.rand(DataType.FLOAT, 4, 4, 7, 5).subi(0.5);
        INDArray[] fp32 = forwardAndBackward(Precision.FP32, x, w, b, dy);
        INDArray[] bf16 = forwardAndBackward(Precision.BF16_IN_FP32, x, w, b, dy);
        for (int i = 0; i < fp32.length; i++) {
            assertEquals(DataType.FLOAT, bf16[i].dataType());
            assertClose(fp32[i], bf16[i], 2e-2);
        }
        assertTrue(
                bf16[0].sub(fp32[0]).norm2Number().doubleValue() > 0,
                "bf16 rounds: the outputs should differ a little from fp32's");
    }

    /** y (with ReLU), dx, dw, db. */
    private static INDArray[] forwardAndBackward(Precision p, INDArray x, INDArray w, INDArray b, INDArray dy) {
        Convolution conv = Convolution.of(shape(true, p));
        INDArray y = Nd4j.create(DataType.FLOAT, 4, 4, 7, 5), dx = Nd4j.create(DataType.FLOAT, x.shape());
        INDArray dw = Nd4j.create(DataType.FLOAT, w.shape()), db = Nd4j.create(DataType.FLOAT, 5);
        conv.forward(x, w, b, y);
        conv.backward(x, w, dy, dx, dw, db);
        return new INDArray[] {y, dx, dw, db};
    }

    @Test
    void viewsAreReadAtTheirOffset() {
        Nd4j.getRandom().setSeed(5);
        INDArray big = Nd4j.rand(DataType.FLOAT, 6, 7, 9, 3);
        INDArray view =
                big.get(NDArrayIndex.interval(2, 6), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray w = Nd4j.rand(DataType.FLOAT, 5, 3, 3, 3), b = Nd4j.zeros(DataType.FLOAT, 5);
        Convolution conv = Convolution.of(shape(false, Precision.FP32));
        INDArray fromView = Nd4j.create(DataType.FLOAT, 4, 4, 7, 5), fromCopy = fromView.like();
        conv.forward(view, w, b, fromView);
        conv.forward(view.dup('c'), w, b, fromCopy);
        assertClose(fromCopy, fromView, 0);
    }

    @Test
    void wrongSizesAreRefusedWithTheShapes() {
        Convolution conv = Convolution.of(shape(false, Precision.FP32));
        INDArray wrong = Nd4j.create(DataType.FLOAT, 4, 7, 9, 2);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> conv.forward(
                        wrong,
                        Nd4j.create(DataType.FLOAT, 5, 3, 3, 3),
                        Nd4j.create(DataType.FLOAT, 5),
                        Nd4j.create(DataType.FLOAT, 4, 4, 7, 5)));
        assertTrue(e.getMessage().contains("[4, 7, 9, 2]"), e.getMessage());
        INDArray permuted = Nd4j.create(DataType.FLOAT, 4, 3, 7, 9).permute(0, 2, 3, 1);
        IllegalArgumentException p = assertThrows(
                IllegalArgumentException.class,
                () -> conv.forward(
                        permuted,
                        Nd4j.create(DataType.FLOAT, 5, 3, 3, 3),
                        Nd4j.create(DataType.FLOAT, 5),
                        Nd4j.create(DataType.FLOAT, 4, 4, 7, 5)));
        assertTrue(p.getMessage().contains("dup('c')"), p.getMessage());
    }

    private static void assertClose(INDArray expected, INDArray actual, double relative) {
        double error = actual.sub(expected).norm2Number().doubleValue()
                / Math.max(1e-30, expected.norm2Number().doubleValue());
        assertTrue(error <= relative, "relative error " + error + " above " + relative);
    }
}
