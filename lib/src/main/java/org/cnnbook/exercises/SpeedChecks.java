package org.cnnbook.exercises;

import java.util.Collections;
import java.util.Map;

/** The check of notebook 9's exercise. */
public final class SpeedChecks {
    private SpeedChecks() {}

    /** {@code speedup}: the fastest path's images per second over the default path's, from {@code speed}. */
    public static void speedupOverTheDefault(double speedup, Map<String, Double> speed) {
        double fastest = Collections.max(speed.values());
        double slowest = speed.get("DL4J default");
        if (speedup > 0 && Math.abs(speedup - slowest / fastest) < 1e-9)
            Check.fail("that is below 1: the default's speed divided by the fastest", "divide the other way round");
        Check.number(
                "the speed-up",
                speedup,
                fastest / slowest,
                1e-9,
                "a speed-up is the fast speed divided by the slow one; the speeds are in the map speed");
    }
}
