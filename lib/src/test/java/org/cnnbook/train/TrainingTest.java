package org.cnnbook.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cnnbook.TestData;
import org.cnnbook.data.MnistData;
import org.cnnbook.model.Models;
import org.cnnbook.prep.DataProblem;
import org.cnnbook.prep.OneHot;
import org.cnnbook.prep.Pixels;
import org.cnnbook.prep.Shapes;
import org.cnnbook.prep.ValidationSplit;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingTest {
    private INDArray x;
    private INDArray y;
    private INDArray testX;
    private INDArray testLabels;

    @BeforeAll
    void prepare() throws Exception {
        MnistData data = TestData.slice();
        x = Shapes.toNchw(Pixels.normalize(data.trainImages()));
        y = OneHot.encode(data.trainLabels(), 10);
        testX = Shapes.toNchw(Pixels.normalize(data.testImages()));
        testLabels = data.testLabels();
    }

    private static TrainingOptions quiet() {
        return TrainingOptions.defaults()
                .epochs(1)
                .progress(new ConsoleProgress())
                .reportEvery(20);
    }

    @Test
    void trainingLearnsAndRecordsAHistory() {
        MultiLayerNetwork model = Models.corrected();
        History history = Trainer.fit(model, x, y, testX, testLabels, quiet());
        assertEquals(1, history.epochs().size());
        assertFalse(history.interrupted());
        assertEquals(4, history.batches().size()); // 63 batches of 32, a point every 20 and the last
        assertTrue(
                history.batches().get(0).loss() > history.batches().get(3).loss(),
                history.batches().toString());
        assertEquals(1, history.keptEpoch());
        assertEquals(1, model.getEpochCount(), "the epoch counter drives the learning-rate schedule");
        assertTrue(history.keptValidationAccuracy() > 0.6, "2,000 images, one epoch: " + history);

        EvaluationReport report = Evaluator.evaluate(model, testX, testLabels);
        assertTrue(report.modelWasTrained());
        assertEquals(history.keptValidationAccuracy(), report.accuracy(), 1e-9);
        int total = 0;
        for (int[] row : report.confusion()) for (int count : row) total += count;
        assertEquals(500, total);
        var worst = report.worstMistakes(5);
        assertFalse(worst.isEmpty());
        for (int i = 1; i < worst.size(); i++)
            assertTrue(worst.get(i - 1).confidence() >= worst.get(i).confidence());
        worst.forEach(m -> assertNotEquals(m.label(), m.predicted()));
        assertTrue(report.recall(1) > 0.5 && report.precision(1) > 0.5, report.toString());
    }

    @Test
    void theModelKeepsTheWeightsOfItsBestValidationEpochAndTheScheduleFollowsTheEpochs() {
        // a learning rate of 0.5 in the third epoch wrecks the network: the second epoch's weights must come back
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(new MapSchedule(ScheduleType.EPOCH, Map.of(0, 1e-3, 2, 0.5))))
                .list()
                .layer(new DenseLayer.Builder()
                        .nOut(64)
                        .activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(10)
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(Models.MNIST_INPUT)
                .build();
        MultiLayerNetwork model = new MultiLayerNetwork(conf);
        model.init();
        ValidationSplit split = ValidationSplit.holdOutLast(x, y, 400);
        History history = Trainer.fit(
                model,
                split.trainImages(),
                split.trainLabels(),
                split.validationImages(),
                split.validationLabels(),
                quiet().epochs(3));

        assertEquals(3, model.getEpochCount());
        double wrecked = history.epochs().get(2).validationAccuracy();
        assertTrue(wrecked < history.epochs().get(1).validationAccuracy() - 0.2, history.toString());
        assertEquals(history.bestEpoch().orElseThrow().epoch(), history.keptEpoch());
        assertTrue(history.keptEpoch() < 3, history.toString());
        double now = Evaluator.accuracy(model, split.validationImages(), OneHot.decode(split.validationLabels()));
        assertEquals(history.keptValidationAccuracy(), now, 1e-9, "the model holds the kept epoch's weights");
        assertTrue(history.outcome().contains("epoch " + history.keptEpoch() + " of 3"), history.outcome());
    }

    @Test
    void keepLastEpochLeavesTheFinalWeights() {
        MultiLayerNetwork model = Models.corrected();
        History history = Trainer.fit(model, x, y, testX, testLabels, quiet().keepLastEpoch());
        assertEquals(1, history.keptEpoch());
    }

    @Test
    void theValidationSetIsTheLastExamplesAndSmallSlicesKeepNineTenthsForTraining() {
        ValidationSplit split = ValidationSplit.holdOutLast(x, y, 5_000);
        assertEquals(1_800, split.trainImages().size(0));
        assertEquals(200, split.validationImages().size(0));
        assertEquals(x.get(NDArrayIndex.interval(1_800, 2_000)), split.validationImages());
        assertEquals(y.get(NDArrayIndex.interval(1_800, 2_000)), split.validationLabels());
        assertEquals(
                100, ValidationSplit.holdOutLast(x, y, 100).validationImages().size(0));
        DataProblem mismatch = assertThrows(DataProblem.class, () -> ValidationSplit.holdOutLast(x, testLabels, 100));
        assertTrue(mismatch.getMessage().contains("2000 images but 500 labels"), mismatch.getMessage());
    }

    @Test
    void anUntrainedModelIsFlaggedAndScoresAboutChance() {
        EvaluationReport report = Evaluator.evaluate(Models.corrected(), testX, testLabels);
        assertFalse(report.modelWasTrained());
        assertTrue(report.accuracy() < 0.3, report.toString());
        assertTrue(report.toString().contains("never trained"));
    }

    @Test
    void inputMistakesStopTrainingWithAnExplanation() {
        DataProblem unscaled = assertThrows(
                DataProblem.class, () -> Trainer.fit(Models.corrected(), x.mul(255), y, testX, testLabels, quiet()));
        assertTrue(unscaled.getMessage().contains("not scaled"));
        DataProblem indices = assertThrows(
                DataProblem.class,
                () -> Trainer.fit(Models.corrected(), x, OneHot.decode(y), testX, testLabels, quiet()));
        assertTrue(indices.getMessage().contains("OneHot.encode"));
    }

    @Test
    void anInterruptStopsTrainingBetweenBatchesAndKeepsTheModel() throws Exception {
        MultiLayerNetwork model = Models.corrected();
        CountDownLatch firstBatch = new CountDownLatch(1);
        TrainingProgress signal = new TrainingProgress() {
            public void started(int epochs, int batchesPerEpoch) {}

            public void batch(History history, History.BatchPoint point) {
                firstBatch.countDown();
            }

            public void epoch(History history, History.EpochResult result) {}

            public void finished(History history) {}
        };
        Thread[] worker = new Thread[1];
        CompletableFuture<History> result = new CompletableFuture<>();
        worker[0] = new Thread(() -> result.complete(Trainer.fit(
                model,
                x,
                y,
                testX,
                testLabels,
                TrainingOptions.defaults().epochs(50).reportEvery(1).progress(signal))));
        worker[0].start();
        assertTrue(firstBatch.await(60, TimeUnit.SECONDS));
        worker[0].interrupt();
        History history = result.get(60, TimeUnit.SECONDS);
        assertTrue(history.interrupted());
        assertTrue(ModelState.wasTrained(model));
        assertTrue(model.getIterationCount() < 50 * 63);
    }

    @Test
    void augmentationChangesTheBatchesTrainedOnButNotTheLabels() {
        MultiLayerConfiguration conf = Models.correctedConfiguration();
        MultiLayerNetwork plain = org.cnnbook.layers.LayerSet.DL4J.network(conf);
        MultiLayerNetwork augmented = org.cnnbook.layers.LayerSet.DL4J.network(conf);
        INDArray fewImages = x.get(NDArrayIndex.interval(0, 64)), fewLabels = y.get(NDArrayIndex.interval(0, 64));
        Trainer.fit(plain, fewImages, fewLabels, testX, testLabels, quiet().silent());
        Trainer.fit(
                augmented,
                fewImages,
                fewLabels,
                testX,
                testLabels,
                quiet().silent().augmentation(org.cnnbook.prep.Augmentation.shiftsAndRotations(2, 10, 3)));
        assertNotEquals(plain.params(), augmented.params(), "other images, other steps");
    }

    @Test
    void silentTrainingPrintsNothing() {
        var out = new java.io.ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new java.io.PrintStream(out));
        try {
            Trainer.fit(
                    Models.corrected(),
                    x.get(NDArrayIndex.interval(0, 64)),
                    y.get(NDArrayIndex.interval(0, 64)),
                    testX,
                    testLabels,
                    quiet().silent());
        } finally {
            System.setOut(original);
        }
        assertEquals("", out.toString());
    }

    @Test
    void theMostConfusedPairIsTheLargestCountOffTheDiagonal() {
        int[] truth = {3, 3, 3, 5, 5, 7, 7, 7, 7};
        int[] said = {5, 5, 3, 3, 5, 7, 1, 7, 7};
        float[] confidence = {0.9f, 0.6f, 0.99f, 0.7f, 0.8f, 0.9f, 0.95f, 0.9f, 0.9f};
        EvaluationReport report = new EvaluationReport(truth, said, confidence, 10, true);
        EvaluationReport.Confusion most = report.mostConfused();
        assertEquals(new EvaluationReport.Confusion(3, 5, 2), most);
        assertEquals("3 read as 5, 2 times", most.describe());
        var pair = report.mistakes(3, 5);
        assertEquals(2, pair.size());
        assertEquals(0, pair.get(0).index(), "the most confident first");
        assertEquals(1, report.mistakes(7, 1).size());
    }
}
