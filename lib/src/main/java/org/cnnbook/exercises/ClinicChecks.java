package org.cnnbook.exercises;

import org.cnnbook.clinic.PreparationMistake;
import org.cnnbook.train.Evaluator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The checks of notebook 7's exercise: the teammate's test images fixed, and (graded hidden) the diagnosis. */
public final class ClinicChecks {
    private ClinicChecks() {}

    public static void fixedTestImages(
            INDArray fixedTest, MultiLayerNetwork model, INDArray testLabels, double rightAccuracy) {
        Check.notNull("fixedTest", fixedTest, "start from data.testImages() and prepare it the way xTest was prepared");
        double accuracy = Evaluator.accuracy(model, fixedTest, testLabels);
        if (Math.abs(accuracy - rightAccuracy) > 1e-9)
            Check.fail(
                    String.format("the model reads %.2f %% of your test images right", 100 * accuracy),
                    "same pixels, same scale and the same shape as the training images: are the digits upright, too?");
        Check.pass(String.format("the model reads %.2f %% of your test images right, as it should", 100 * accuracy));
    }

    /** Graded by nbgrader's hidden test: a visible check would let a student try the five answers one by one. */
    public static void diagnosis(PreparationMistake diagnosis) {
        Check.notNull("diagnosis", diagnosis, "choose the PreparationMistake that describes the teammate's code");
        if (diagnosis != PreparationMistake.ROWS_AND_COLUMNS_SWAPPED)
            Check.fail(
                    diagnosis + " is not what happened to the teammate's images",
                    "their range and shape are right; compare their digits with the ones of notebook 1");
        Check.pass("the teammate's permute(0, 3, 2, 1) swapped every picture's rows and columns");
    }
}
