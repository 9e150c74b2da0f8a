package org.cnnbook.train;

import org.cnnbook.TestData;
import org.cnnbook.data.MnistData;
import org.cnnbook.model.Models;
import org.cnnbook.prep.DataProblem;
import org.cnnbook.prep.OneHot;
import org.cnnbook.prep.Pixels;
import org.cnnbook.prep.Shapes;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

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
        return TrainingOptions.defaults().epochs(1).progress(new ConsoleProgress()).reportEvery(20);
    }

    @Test
    void trainingLearnsAndRecordsAHistory() {
        MultiLayerNetwork model = Models.corrected();
        History history = Trainer.fit(model, x, y, testX, testLabels, quiet());
        assertEquals(1, history.epochs().size());
        assertFalse(history.interrupted());
        assertEquals(4, history.batches().size()); // 63 batches of 32, a point every 20 and the last
        assertTrue(history.batches().get(0).loss() > history.batches().get(3).loss(), history.batches().toString());
        assertTrue(history.finalTestAccuracy() > 0.6, "2,000 images, one epoch: " + history);

        EvaluationReport report = Evaluator.evaluate(model, testX, testLabels);
        assertTrue(report.modelWasTrained());
        assertEquals(history.finalTestAccuracy(), report.accuracy(), 1e-9);
        int total = 0;
        for (int[] row : report.confusion()) for (int count : row) total += count;
        assertEquals(500, total);
        var worst = report.worstMistakes(5);
        assertFalse(worst.isEmpty());
        for (int i = 1; i < worst.size(); i++) assertTrue(worst.get(i - 1).confidence() >= worst.get(i).confidence());
        worst.forEach(m -> assertNotEquals(m.label(), m.predicted()));
        assertTrue(report.recall(1) > 0.5 && report.precision(1) > 0.5, report.toString());
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
        DataProblem unscaled = assertThrows(DataProblem.class, () ->
                Trainer.fit(Models.corrected(), x.mul(255), y, testX, testLabels, quiet()));
        assertTrue(unscaled.getMessage().contains("not scaled"));
        DataProblem indices = assertThrows(DataProblem.class, () ->
                Trainer.fit(Models.corrected(), x, OneHot.decode(y), testX, testLabels, quiet()));
        assertTrue(indices.getMessage().contains("OneHot.encode"));
    }

    @Test
    void anInterruptStopsTrainingBetweenBatchesAndKeepsTheModel() throws Exception {
        MultiLayerNetwork model = Models.corrected();
        CountDownLatch firstBatch = new CountDownLatch(1);
        TrainingProgress signal = new TrainingProgress() {
            public void started(int epochs, int batchesPerEpoch) { }
            public void batch(History history, History.BatchPoint point) { firstBatch.countDown(); }
            public void epoch(History history, History.EpochResult result) { }
            public void finished(History history) { }
        };
        Thread[] worker = new Thread[1];
        CompletableFuture<History> result = new CompletableFuture<>();
        worker[0] = new Thread(() -> result.complete(Trainer.fit(model, x, y, testX, testLabels,
                TrainingOptions.defaults().epochs(50).reportEvery(1).progress(signal))));
        worker[0].start();
        assertTrue(firstBatch.await(60, TimeUnit.SECONDS));
        worker[0].interrupt();
        History history = result.get(60, TimeUnit.SECONDS);
        assertTrue(history.interrupted());
        assertTrue(ModelState.wasTrained(model));
        assertTrue(model.getIterationCount() < 50 * 63);
    }
}
