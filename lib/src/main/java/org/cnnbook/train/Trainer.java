package org.cnnbook.train;

import org.cnnbook.model.ModelCheck;
import org.cnnbook.prep.DataChecks;
import org.cnnbook.prep.OneHot;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains a network on whole arrays with mini-batches, recording a {@link History}, the way Keras users train with
 * {@code validation_data} and a best-weights checkpoint: after every epoch it measures the accuracy on the
 * validation images, and at the end the model gets back the weights of the epoch where that accuracy was highest.
 * The test images play no part: they are measured once, after training. The network's epoch counter advances
 * with every epoch, so a learning-rate schedule per epoch in its configuration takes effect.
 * <p>
 * Between batches it checks whether the cell was interrupted; if so it stops early and the model keeps the
 * weights it has at that moment.
 */
public final class Trainer {
    private Trainer() {}

    /**
     * @param trainImages      [n, 1, 28, 28] scaled to [0, 1]
     * @param trainLabels      one-hot [n, 10]
     * @param validationImages held out from the training images, prepared exactly like them
     * @param validationLabels class indices [m] or one-hot [m, 10]
     */
    public static History fit(
            MultiLayerNetwork model,
            INDArray trainImages,
            INDArray trainLabels,
            INDArray validationImages,
            INDArray validationLabels,
            TrainingOptions options) {
        int classes = (int) model.layerSize(model.getnLayers() - 1);
        if (options.checkInputs) {
            DataChecks.requireNchw(trainImages, 28, 28);
            DataChecks.requireUnitRange(trainImages, "The training images");
            DataChecks.requireOneHot(trainLabels, classes);
            DataChecks.requireNchw(validationImages, 28, 28);
            DataChecks.requireUnitRange(validationImages, "The validation images");
            ModelCheck.warnings(model).forEach(w -> System.out.println("Warning: " + w));
        }
        INDArray validationIndices = OneHot.indices(validationLabels);
        INDArray trainIndices = OneHot.decode(trainLabels);
        int trainSamples = (int) Math.min(options.trainAccuracySamples, trainImages.size(0));
        INDArray trainSubset = trainImages.get(NDArrayIndex.interval(0, trainSamples));
        INDArray trainSubsetLabels = trainIndices.get(NDArrayIndex.interval(0, trainSamples));

        Batches batches = new Batches(trainImages, trainLabels, options.batchSize, true, options.seed);
        int epochs = options.epochs;
        TrainingProgress progress = options.effectiveProgress();
        History history = new History();
        progress.started(epochs, batches.batchCount());

        int iteration = 0;
        INDArray bestParams = null;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        training:
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            double epochLoss = 0;
            double windowLoss = 0;
            int inEpoch = 0;
            int inWindow = 0;
            batches.reset();
            while (batches.hasNext()) {
                if (Thread.interrupted()) {
                    history.markInterrupted();
                    break training;
                }
                DataSet batch = batches.next();
                if (options.augmentation != null)
                    batch = new DataSet(options.augmentation.apply(batch.getFeatures()), batch.getLabels());
                model.fit(batch);
                double loss = model.score();
                epochLoss += loss;
                windowLoss += loss;
                inEpoch++;
                inWindow++;
                iteration++;
                if (inWindow == options.reportEvery || !batches.hasNext()) {
                    History.BatchPoint point = new History.BatchPoint(
                            iteration, epoch - 1 + (double) inEpoch / batches.batchCount(), windowLoss / inWindow);
                    history.add(point);
                    progress.batch(history, point);
                    windowLoss = 0;
                    inWindow = 0;
                }
            }
            model.incrementEpochCount();
            double seconds = (System.nanoTime() - start) / 1e9;
            History.EpochResult result = new History.EpochResult(
                    epoch,
                    epochLoss / Math.max(1, inEpoch),
                    Evaluator.accuracy(model, trainSubset, trainSubsetLabels),
                    Evaluator.accuracy(model, validationImages, validationIndices),
                    seconds);
            history.add(result);
            history.keep(epoch);
            if (options.restoreBestEpoch && result.validationAccuracy() > bestAccuracy) {
                bestAccuracy = result.validationAccuracy();
                bestParams = model.params().dup();
            }
            progress.epoch(history, result);
        }
        if (history.interrupted()) {
            history.keep(0);
        } else if (bestParams != null) {
            model.setParams(bestParams);
            history.keep(history.bestEpoch().orElseThrow().epoch());
        }
        progress.finished(history);
        return history;
    }
}
