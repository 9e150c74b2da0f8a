package org.cnnbook.exercises;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The building blocks of the exercises' self-checks: a right answer prints a line starting with ✓; a wrong one fails
 * the cell with a message starting with ✗ that says what is wrong and gives a hint, without giving the answer away.
 * A failing check throws (an error output), which is also what makes nbgrader give the check cell no points.
 */
public final class Check {
    public static final String PASS = "\u2713";
    public static final String FAIL = "\u2717";

    private Check() {}

    /** Prints "✓ Right: {@code message}". */
    public static void pass(String message) {
        System.out.println(PASS + " Right: " + message);
    }

    /** Fails the cell with "✗ Not yet: {@code problem}. Hint: {@code hint}". */
    public static AssertionError fail(String problem, String hint) {
        throw new AssertionError(FAIL + " Not yet: " + problem + ". Hint: " + hint);
    }

    /** The student's number against the right one, which the message never shows: only whether it is too small or large. */
    public static void number(String what, double actual, double expected, double tolerance, String hint) {
        if (Double.isNaN(actual)) fail(what + " is NaN (not a number)", hint);
        if (Math.abs(actual - expected) > tolerance)
            fail(what + " is " + format(actual) + ", which is too " + (actual < expected ? "small" : "large"), hint);
        pass(what + " = " + format(actual));
    }

    /** Fails when the exercise left {@code value} unset (null): the student has not written that code yet. */
    public static void notNull(String what, Object value, String hint) {
        if (value == null) fail(what + " is still null: write your code where // YOUR CODE HERE stands", hint);
    }

    /** The shape an exercise asks for (the exercise states it, so the message may repeat it). */
    public static void shape(String what, INDArray actual, long[] expected, String hint) {
        notNull(what, actual, hint);
        if (!Arrays.equals(actual.shape(), expected))
            fail(what + " has shape " + Arrays.toString(actual.shape()) + ", not " + Arrays.toString(expected), hint);
        pass(what + " has shape " + Arrays.toString(actual.shape()));
    }

    public static void numbers(String what, double[] actual, double[] expected, double tolerance, String hint) {
        notNull(what, actual, hint);
        if (actual.length != expected.length)
            fail(what + " has " + actual.length + " values, not " + expected.length, hint);
        for (int i = 0; i < actual.length; i++)
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance))
                fail(what + "[" + i + "] is " + format(actual[i]) + ", which is not right", hint);
        pass(what + " = " + Arrays.toString(round(actual)));
    }

    public static void ints(String what, int[] actual, int[] expected, String hint) {
        notNull(what, actual, hint);
        if (actual.length != expected.length)
            fail(what + " has " + actual.length + " values, not " + expected.length, hint);
        for (int i = 0; i < actual.length; i++)
            if (actual[i] != expected[i]) fail(what + "[" + i + "] is " + actual[i] + ", which is not right", hint);
        pass(what + " = " + Arrays.toString(actual));
    }

    public static void isTrue(String what, boolean condition, String hint) {
        if (!condition) fail(what, hint);
        pass(what);
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12
                ? String.format("%,d", (long) value)
                : String.format("%.4f", value);
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 1e4) / 1e4).toArray();
    }
}
