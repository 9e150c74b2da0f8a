package org.cnnbook.kernel.eval;

/**
 * A few megabytes held back for the moment the heap is full: freed when a cell runs out of memory, so that the
 * kernel can still release the cell's variables, format the error and send the reply; taken again afterwards.
 */
public final class MemoryReserve {
    private static final int BYTES = 8 << 20;
    // Allocated by take(), never by class initialisation: the class is first used on a full heap.
    private static volatile byte[] reserve;

    private MemoryReserve() {}

    public static void release() {
        reserve = null;
    }

    /** Call at start-up, while the heap has room. */
    public static void take() {
        restore();
    }

    /** Takes the reserve again if the heap has room; a heap still full of the student's data keeps it released. */
    public static void restore() {
        if (reserve != null) return;
        try {
            reserve = new byte[BYTES];
        } catch (OutOfMemoryError stillFull) {
            // the error message said how to free memory
        }
    }
}
