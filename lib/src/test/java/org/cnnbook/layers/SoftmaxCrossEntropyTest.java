package org.cnnbook.layers;

import static org.junit.jupiter.api.Assertions.*;

import org.cnnbook.model.Models;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The one-pass softmax + cross-entropy against DL4J's LossMCXENT: same gradient, same (clipped) loss. */
class SoftmaxCrossEntropyTest {
    private static final LossMCXENT DL4J = new LossMCXENT();

    @Test
    void givesDl4jsGradientAndLossIncludingWhereDl4jClipsTheSoftmax() {
        Nd4j.getRandom().setSeed(7);
        INDArray z = Nd4j.randn(DataType.FLOAT, 32, 10).muli(3);
        z.putScalar(0, 3, 60f); // row 0 is sure of class 3 and wrong: softmax of its label below 1e-10, clipped
        z.putScalar(1, 4, 80f); // row 1 is sure and right: softmax above 1 - 1e-10, clipped
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 32, 10);
        for (int r = 0; r < 32; r++) labels.putScalar(r, r == 1 ? 4 : (r * 7) % 10 == 3 ? 2 : (r * 7) % 10, 1f);
        assertEquals(0f, labels.getFloat(0, 3));

        INDArray gradient = Nd4j.createUninitialized(DataType.FLOAT, 32, 10);
        double loss = SoftmaxCrossEntropy.gradientAndLoss(z, labels, DL4J.getSoftmaxClipEps(), gradient);

        INDArray expected = DL4J.computeGradient(labels, z.dup(), new ActivationSoftmax(), null);
        assertTrue(Transforms.abs(expected.sub(gradient)).maxNumber().doubleValue() < 1e-6, "gradient");
        double dl4jLoss = DL4J.computeScore(labels, z.dup(), new ActivationSoftmax(), null, false);
        assertEquals(dl4jLoss, loss, 1e-4 * dl4jLoss, "summed loss");
        assertTrue(loss > -Math.log(1e-10) - 1, "row 0 alone contributes the clipped -log(1e-10): " + loss);
    }

    @Test
    void readsViewsAndOtherNumberTypes() {
        INDArray wide = Nd4j.randn(DataType.DOUBLE, 8, 20);
        INDArray z = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 10)); // a view, strided rows
        INDArray labels = Nd4j.eye(10).get(NDArrayIndex.interval(0, 8), NDArrayIndex.all());
        INDArray gradient = Nd4j.createUninitialized(DataType.FLOAT, 8, 10);
        double loss = SoftmaxCrossEntropy.gradientAndLoss(z, labels, 1e-10, gradient);
        INDArray zf = z.castTo(DataType.FLOAT).dup(),
                lf = labels.castTo(DataType.FLOAT).dup();
        INDArray expected = DL4J.computeGradient(lf, zf.dup(), new ActivationSoftmax(), null);
        assertTrue(Transforms.abs(expected.sub(gradient)).maxNumber().doubleValue() < 1e-6, "gradient");
        assertEquals(DL4J.computeScore(lf, zf, new ActivationSoftmax(), null, false), loss, 1e-4);
    }

    @Test
    void refusesAGradientArrayItCannotFillAndStandsAsideForOtherLosses() {
        INDArray z = Nd4j.rand(DataType.FLOAT, 4, 10), labels = Nd4j.eye(10).get(NDArrayIndex.interval(0, 4));
        INDArray view = Nd4j.zeros(DataType.FLOAT, 4, 20).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 10));
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> SoftmaxCrossEntropy.gradientAndLoss(z, labels, 1e-10, view));
        assertTrue(refused.getMessage().contains("new contiguous [4, 10] array"), refused.getMessage());
        assertTrue(SoftmaxCrossEntropy.replaces(DL4J, new ActivationSoftmax(), null));
        assertFalse(SoftmaxCrossEntropy.replaces(new LossMCXENT(Nd4j.ones(10)), new ActivationSoftmax(), null));
        assertFalse(SoftmaxCrossEntropy.replaces(DL4J, new ActivationSigmoid(), null));
        assertFalse(SoftmaxCrossEntropy.replaces(new LossMSE(), new ActivationSoftmax(), null));
        assertFalse(SoftmaxCrossEntropy.replaces(DL4J, new ActivationSoftmax(), Nd4j.ones(4, 1)));
    }

    @Test
    void aTrainingStepScoresFromItsBackwardPassAndOtherScoresAreDl4jsOwn() {
        MultiLayerNetwork model = Models.corrected();
        LibOutputLayer output = (LibOutputLayer) model.getLayer(model.getnLayers() - 1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 1, 28, 28), y = Nd4j.eye(10).get(NDArrayIndex.interval(0, 6));
        model.setInput(x);
        model.setLabels(y);
        model.computeGradientAndScore();
        assertEquals(1, output.scoresFromBackprop());
        double fromBackprop = model.score();
        model.fit(x, y);
        assertEquals(2, output.scoresFromBackprop(), "fit scores from its backward pass too");
        double again = model.score(new org.nd4j.linalg.dataset.DataSet(x, y));
        assertEquals(2, output.scoresFromBackprop(), "scoring a data set is DL4J's own computation");
        assertNotEquals(fromBackprop, again, "the parameters changed in between");
    }
}
