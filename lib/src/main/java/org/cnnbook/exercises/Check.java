package org.cnnbook.exercises;

import java.util.Arrays;

/**
 * Self-checks for the notebooks' exercises: a right answer prints a line starting with ✓, a wrong one fails
 * the cell with a message starting with ✗ that says what was expected and gives a hint. A failing check throws
 * (an error output), which is also what makes nbgrader give the check cell no points.
 */
public final class Check {
    public static final String PASS = "\u2713";
    public static final String FAIL = "\u2717";

    private Check() {}

    public static void number(String what, double actual, double expected, double tolerance, String hint) {
        if (Double.isNaN(actual) || Math.abs(actual - expected) > tolerance)
            throw new AssertionError(String.format(
                    "%s Not yet: %s is %s, expected about %s. Hint: %s",
                    FAIL, what, format(actual), format(expected), hint));
        System.out.printf("%s Right: %s = %s%n", PASS, what, format(actual));
    }

    /** Fails when the exercise left {@code value} unset (null): the student has not written that code yet. */
    public static void notNull(String what, Object value, String hint) {
        if (value == null)
            throw new AssertionError(String.format(
                    "%s Not yet: %s is still null: write your code where " + "// YOUR CODE HERE stands. Hint: %s",
                    FAIL, what, hint));
    }

    public static void shape(String what, org.nd4j.linalg.api.ndarray.INDArray actual, long[] expected, String hint) {
        notNull(what, actual, hint);
        shape(what, actual.shape(), expected, hint);
    }

    public static void shape(String what, long[] actual, long[] expected, String hint) {
        if (!Arrays.equals(actual, expected))
            throw new AssertionError(String.format(
                    "%s Not yet: %s has shape %s, expected %s. Hint: %s",
                    FAIL, what, Arrays.toString(actual), Arrays.toString(expected), hint));
        System.out.printf("%s Right: %s has shape %s%n", PASS, what, Arrays.toString(actual));
    }

    public static void numbers(String what, double[] actual, double[] expected, double tolerance, String hint) {
        notNull(what, actual, hint);
        boolean same = actual.length == expected.length;
        for (int i = 0; same && i < actual.length; i++) same = Math.abs(actual[i] - expected[i]) <= tolerance;
        if (!same)
            throw new AssertionError(String.format(
                    "%s Not yet: %s are %s, expected %s. Hint: %s",
                    FAIL, what, Arrays.toString(round(actual)), Arrays.toString(round(expected)), hint));
        System.out.printf("%s Right: %s = %s%n", PASS, what, Arrays.toString(round(actual)));
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 1e4) / 1e4).toArray();
    }

    public static void ints(String what, int[] actual, int[] expected, String hint) {
        notNull(what, actual, hint);
        if (!Arrays.equals(actual, expected))
            throw new AssertionError(String.format(
                    "%s Not yet: %s is %s, expected %s. Hint: %s",
                    FAIL, what, Arrays.toString(actual), Arrays.toString(expected), hint));
        System.out.printf("%s Right: %s = %s%n", PASS, what, Arrays.toString(actual));
    }

    public static void isTrue(String what, boolean condition, String hint) {
        if (!condition) throw new AssertionError(FAIL + " Not yet: " + what + ". Hint: " + hint);
        System.out.println(PASS + " Right: " + what);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12
                ? Long.toString((long) value)
                : String.format("%.4f", value);
    }
}
