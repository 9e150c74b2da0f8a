package org.cnnbook.exercises;

import java.util.stream.IntStream;
import org.cnnbook.data.MnistData;

/** The check of notebook 1's exercise. */
public final class LoadingChecks {
    private LoadingChecks() {}

    public static void sevensAmongTheTestLabels(long sevens, MnistData data) {
        int[] test = data.testLabels().toIntVector();
        long expected = IntStream.of(test).filter(label -> label == 7).count();
        long inTraining = IntStream.of(data.trainLabels().toIntVector())
                .filter(label -> label == 7)
                .count();
        if (sevens == inTraining && sevens != expected)
            Check.fail("that is how many training labels are 7", "count data.testLabels() instead");
        Check.number(
                "the number of 7s among the " + test.length + " test labels",
                sevens,
                expected,
                0,
                "loop over data.testLabels().toIntVector() and count the entries equal to 7");
    }
}
