package org.cnnbook.model;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelsTest {
    @Test
    void theCorrectedModelIsTheAcceptedAnswersArchitecture() {
        MultiLayerNetwork model = Models.corrected();
        assertEquals(8, model.getnLayers());
        long[] outputs = {32, 32, 0, 64, 64, 0, 256, 10};
        for (int i = 0; i < outputs.length; i++)
            if (outputs[i] > 0) assertEquals(outputs[i], model.layerSize(i), "layer " + i);
        // 832 + 25,632 + 18,496 + 36,928 + (576*256+256) + (256*10+10)
        assertEquals(832 + 25_632 + 18_496 + 36_928 + 147_712 + 2_570, model.numParams());
        INDArray probabilities = model.output(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 1, 28, 28));
        assertArrayEquals(new long[] {2, 10}, probabilities.shape());
        assertTrue(ModelCheck.warnings(model).isEmpty());
    }

    @Test
    void theBeginnersModelHasLinearConvolutionsAndTheCheckSaysSo() {
        MultiLayerNetwork model = Models.beginner();
        assertEquals(Models.corrected().numParams(), model.numParams());
        var warnings = ModelCheck.warnings(model);
        assertEquals(5, warnings.size(), warnings.toString()); // four layers and a summary
        assertTrue(warnings.get(0).contains("no activation"), warnings.get(0));
        assertTrue(model.getLayer(0).conf().getLayer() instanceof ConvolutionLayer);
    }

    @Test
    void withoutTheFlattenDl4jCannotWireTheDenseLayerAndTheErrorIsExplained() {
        Exception error = assertThrows(Exception.class, () -> {
            MultiLayerNetwork network = new MultiLayerNetwork(Models.withoutFlatten());
            network.init();
            network.output(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 1, 28, 28));
        });
        String explanation = ModelCheck.explain(error);
        assertTrue(explanation.contains("a flatten is missing"), explanation + "\n--- DL4J: " + error);
    }

    @Test
    void leNetBuildsAndSavedModelsLoadBackIdentical(@TempDir Path tmp) throws Exception {
        MultiLayerNetwork model = Models.leNet();
        INDArray input = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 1, 28, 28);
        Path saved = ModelStore.save(model, tmp.resolve("models/lenet.zip"));
        MultiLayerNetwork loaded = ModelStore.load(saved);
        assertEquals(model.output(input), loaded.output(input));
        assertThrows(java.io.IOException.class, () -> ModelStore.load(tmp.resolve("missing.zip")));
    }
}
