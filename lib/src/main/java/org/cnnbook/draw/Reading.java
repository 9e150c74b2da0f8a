package org.cnnbook.draw;

import org.cnnbook.prep.GreyImage;

/**
 * What the network made of one drawing: the prepared 28x28 picture it was given, its ten probabilities and the
 * answer (the digit with the largest). An empty drawing has no answer (-1), no picture and no probabilities.
 */
public record Reading(GreyImage seen, double[] probabilities, int answer) {
    public static final Reading NOTHING = new Reading(null, new double[10], -1);

    public boolean hasAnswer() {
        return answer >= 0;
    }

    /** The probability of the answer, 0 without one. */
    public double confidence() {
        return hasAnswer() ? probabilities[answer] : 0;
    }

    /** The prepared picture's 784 brightnesses 0..255, row by row (all 0 without a picture). */
    public byte[] seenBytes() {
        byte[] bytes = new byte[28 * 28];
        if (seen == null) return bytes;
        for (int row = 0; row < 28; row++)
            for (int column = 0; column < 28; column++)
                bytes[row * 28 + column] = (byte) Math.round(Math.max(0, Math.min(255, seen.pixel(row, column))));
        return bytes;
    }

    /** "3 (97 %)", or "nothing drawn". */
    public String describe() {
        return hasAnswer() ? String.format("%d (%.0f %%)", answer, 100 * confidence()) : "nothing drawn";
    }
}
