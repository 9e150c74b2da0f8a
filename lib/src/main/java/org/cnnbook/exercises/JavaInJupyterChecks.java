package org.cnnbook.exercises;

/** The check of notebook 0's exercise. */
public final class JavaInJupyterChecks {
    private JavaInJupyterChecks() {}

    public static void sumOfOneToHundred(long sum) {
        long expected = 0;
        for (int i = 1; i <= 100; i++) expected += i;
        Check.number(
                "the sum of 1..100",
                sum,
                expected,
                0,
                "a for loop whose variable runs from 1 up to and including 100, adding it to sum each time");
    }
}
