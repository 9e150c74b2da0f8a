package org.cnnbook.onednn;

/**
 * What a {@link MatMul} is built for: {@code C[m, n] = op(A)[m, k] · op(B)[k, n]}, whether each operand is stored
 * transposed, whether a bias row is added and whether ReLU follows (fused into the product).
 */
public record ProductShape(long m, long k, long n, boolean transposeA, boolean transposeB, boolean bias, boolean relu) {
    public ProductShape {
        if (m <= 0 || k <= 0 || n <= 0)
            throw new IllegalArgumentException("a product needs positive sizes, got m=" + m + " k=" + k + " n=" + n);
    }

    @Override
    public String toString() {
        return "[" + m + "x" + k + "]" + (transposeA ? "ᵀ" : "") + " · [" + k + "x" + n + "]" + (transposeB ? "ᵀ" : "")
                + (bias ? " + bias" : "") + (relu ? ", ReLU" : "");
    }
}
