package org.cnnbook.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The result of {@link Evaluator#evaluate}: every prediction, and the usual summaries of them. */
public final class EvaluationReport {
    /** A wrong answer: image {@code index} is a {@code label} but the network said {@code predicted}. */
    public record Mistake(int index, int label, int predicted, float confidence) {}

    private final int[] labels;
    private final int[] predictions;
    private final float[] confidence;
    private final int classes;
    private final boolean modelWasTrained;

    EvaluationReport(int[] labels, int[] predictions, float[] confidence, int classes, boolean modelWasTrained) {
        this.labels = labels;
        this.predictions = predictions;
        this.confidence = confidence;
        this.classes = classes;
        this.modelWasTrained = modelWasTrained;
    }

    public double accuracy() {
        return (double) IntStream.range(0, labels.length)
                        .filter(i -> labels[i] == predictions[i])
                        .count()
                / labels.length;
    }

    /** {@code [label][predicted]} counts. */
    public int[][] confusion() {
        int[][] matrix = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) matrix[labels[i]][predictions[i]]++;
        return matrix;
    }

    /** Of the images predicted as class c, the fraction that are c. */
    public double precision(int c) {
        long predicted = IntStream.of(predictions).filter(p -> p == c).count();
        long right = IntStream.range(0, labels.length)
                .filter(i -> predictions[i] == c && labels[i] == c)
                .count();
        return predicted == 0 ? Double.NaN : (double) right / predicted;
    }

    /** Of the images of class c, the fraction predicted as c. */
    public double recall(int c) {
        long actual = IntStream.of(labels).filter(l -> l == c).count();
        long right = IntStream.range(0, labels.length)
                .filter(i -> predictions[i] == c && labels[i] == c)
                .count();
        return actual == 0 ? Double.NaN : (double) right / actual;
    }

    /** The {@code k} wrong answers the network was most sure of. */
    public List<Mistake> worstMistakes(int k) {
        List<Mistake> mistakes = new ArrayList<>();
        for (int i = 0; i < labels.length; i++)
            if (labels[i] != predictions[i]) mistakes.add(new Mistake(i, labels[i], predictions[i], confidence[i]));
        mistakes.sort(Comparator.comparingDouble(Mistake::confidence).reversed());
        return mistakes.subList(0, Math.min(k, mistakes.size()));
    }

    /** Two digits the network confuses: {@code count} images of {@code truth} it read as {@code answer}. */
    public record Confusion(int truth, int answer, int count) {
        /** E.g. "3 read as 5, 6 times". */
        public String describe() {
            return truth + " read as " + answer + ", " + count + (count == 1 ? " time" : " times");
        }
    }

    /** The most frequent mistake: the pair (true digit, answer) counted most often off the diagonal (the first of equals). */
    public Confusion mostConfused() {
        int[][] matrix = confusion();
        Confusion most = new Confusion(0, 0, 0);
        for (int truth = 0; truth < classes; truth++)
            for (int answer = 0; answer < classes; answer++)
                if (truth != answer && matrix[truth][answer] > most.count())
                    most = new Confusion(truth, answer, matrix[truth][answer]);
        return most;
    }

    /** Every image of {@code truth} the network read as {@code answer}, the most confident first. */
    public List<Mistake> mistakes(int truth, int answer) {
        return worstMistakes(labels.length).stream()
                .filter(m -> m.label() == truth && m.predicted() == answer)
                .toList();
    }

    public int classes() {
        return classes;
    }

    public boolean modelWasTrained() {
        return modelWasTrained;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format(
                "Accuracy: %.2f %% on %d images%s%n",
                100 * accuracy(), labels.length, modelWasTrained ? "" : " (model never trained!)"));
        text.append("class  precision  recall\n");
        for (int c = 0; c < classes; c++)
            text.append(String.format("%5d  %8.2f %%  %5.2f %%%n", c, 100 * precision(c), 100 * recall(c)));
        return text.toString();
    }
}
