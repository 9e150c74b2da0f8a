package org.cnnbook.layers;

import java.util.HashMap;
import java.util.Map;
import org.cnnbook.onednn.ConvShape;
import org.cnnbook.onednn.Convolution;
import org.cnnbook.onednn.MatMul;
import org.cnnbook.onednn.MaxPooling;
import org.cnnbook.onednn.OneDnn;
import org.cnnbook.onednn.PoolShape;
import org.cnnbook.onednn.Precision;
import org.cnnbook.onednn.ProductShape;
import org.cnnbook.onednn.ReluBackward;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One layer's calls of oneDNN made directly: convolutions ({@link Convolution}, bias and ReLU fused into the forward
 * pass), ReLU's backward pass ({@link ReluBackward}), max pooling with its workspace ({@link MaxPooling}) and the
 * matrix products of the first and the dense layers ({@link MatMul}, a dense layer's bias fused), their
 * primitives built once per input shape (the training batch, the last partial batch, an evaluation chunk) and kept.
 * libnd4j's own path rebuilds its primitives on every call. {@code CNNBOOK_CONVOLUTION=libnd4j} turns all of this off:
 * the layers then call libnd4j's ops ({@link NativeOps}).
 * <p>
 * They compute in bf16 ({@link Precision#BF16_IN_FP32}: the layers' arrays and all weights stay fp32) where the CPU
 * computes in bf16 itself (avx512_bf16 or AMX), else in fp32; {@code CNNBOOK_PRECISION=fp32} or {@code bf16} chooses.
 */
final class DirectOneDnn {
    private static final boolean AVAILABLE = available();
    // switched at run time only to measure what each path buys (notebook 9); a layer reads them on every call
    private static volatile boolean enabled = AVAILABLE;
    private static volatile Precision precision =
            AVAILABLE ? precisionFor(System.getenv("CNNBOOK_PRECISION"), OneDnn.hasNativeBf16()) : Precision.FP32;

    private final Map<ConvShape, Convolution> built = new HashMap<>();
    private final Map<Long, ReluBackward> reluBackwards = new HashMap<>();
    private final Map<PoolShape, MaxPooling> poolings = new HashMap<>();
    private final Map<ProductShape, MatMul> products = new HashMap<>();

    /** Whether this layer can run on the direct path: fp32, a bias, explicit padding, and the preset loaded. */
    static boolean usable(DataType dataType, boolean hasBias, Geometry g) {
        return enabled && dataType == DataType.FLOAT && hasBias && !g.same();
    }

    /** {@code grad = outputGrad where output > 0, else 0}: ReLU's backward pass from its output. */
    void reluBackward(INDArray output, INDArray outputGrad, INDArray grad) {
        if (!enabled || output.dataType() != DataType.FLOAT || outputGrad.dataType() != DataType.FLOAT) {
            NativeOps.reluBackprop(output, outputGrad, grad);
            return;
        }
        reluBackwards
                .computeIfAbsent(output.length(), ReluBackward::of)
                .run(contiguous(output), contiguous(outputGrad), grad);
    }

    /**
     * {@code out = [relu](op(a) · op(b) (+ biasRow))}, op transposing where asked, as {@code Nd4j.gemm} computes it: on a
     * oneDNN product built once per shape, or through {@code Nd4j.gemm} (libnd4j's matmul op, which builds its
     * primitive on every call) where the direct path is off or the arrays are not fp32 or {@code out} is not
     * contiguous. {@code biasRow} may be null.
     */
    void product(
            INDArray a,
            INDArray b,
            INDArray biasRow,
            boolean relu,
            INDArray out,
            boolean transposeA,
            boolean transposeB) {
        boolean fp32 = a.dataType() == DataType.FLOAT
                && b.dataType() == DataType.FLOAT
                && out.dataType() == DataType.FLOAT
                && (biasRow == null || biasRow.dataType() == DataType.FLOAT);
        if (enabled && fp32 && biasRow == null && !relu && columnMajor(out)) {
            // DL4J keeps a dense layer's weights (and their gradient) column-major: outᵀ = op(b)ᵀ · op(a)ᵀ, row-major
            product(b, a, null, false, out.transpose(), !transposeB, !transposeA);
            return;
        }
        if (!enabled || !fp32 || contiguous(out) != out) {
            Nd4j.gemm(a, b, out, transposeA, transposeB, 1.0, 0.0);
            if (biasRow != null) out.addiRowVector(biasRow);
            if (relu) Transforms.relu(out, false);
            return;
        }
        // a column-major operand is its transpose stored row-major: read in place, no copy
        if (columnMajor(a)) {
            a = a.transpose();
            transposeA = !transposeA;
        }
        if (columnMajor(b)) {
            b = b.transpose();
            transposeB = !transposeB;
        }
        ProductShape shape = new ProductShape(
                transposeA ? a.size(1) : a.size(0),
                transposeA ? a.size(0) : a.size(1),
                transposeB ? b.size(0) : b.size(1),
                transposeA,
                transposeB,
                biasRow != null,
                relu);
        products.computeIfAbsent(shape, MatMul::of)
                .run(contiguous(a), contiguous(b), biasRow == null ? null : contiguous(biasRow), out);
    }

    private static boolean columnMajor(INDArray matrix) {
        return matrix.rank() == 2 && matrix.ordering() == 'f' && matrix.elementWiseStride() == 1 && matrix.length() > 1;
    }

    /** Max pooling of NHWC {@code input}, or null when oneDNN cannot take it (then libnd4j's op serves). */
    MaxPooling maxPooling(INDArray input, Geometry g) {
        if (!enabled || input.dataType() != DataType.FLOAT || g.same() || g.dH() != 1 || g.dW() != 1) return null;
        PoolShape shape = new PoolShape(
                input.size(0),
                input.size(1),
                input.size(2),
                input.size(3),
                g.outHeight(input.size(1)),
                g.outWidth(input.size(2)),
                g.kH(),
                g.kW(),
                g.sH(),
                g.sW(),
                g.pH(),
                g.pW());
        return shape.onednnCanPool() ? poolings.computeIfAbsent(shape, MaxPooling::of) : null;
    }

    /** {@code array} itself when oneDNN can read it in place (C order, contiguous), else a C-order copy. */
    static INDArray contiguous(INDArray array) {
        return array.ordering() == 'c' && (array.elementWiseStride() == 1 || array.length() == 1)
                ? array
                : array.dup('c');
    }

    /** The convolution of NHWC {@code input} into {@code outChannels} channels, built the first time. */
    Convolution of(INDArray input, long outChannels, Geometry g, boolean relu) {
        ConvShape shape = new ConvShape(
                input.size(0),
                input.size(1),
                input.size(2),
                input.size(3),
                outChannels,
                g.outHeight(input.size(1)),
                g.outWidth(input.size(2)),
                g.kH(),
                g.kW(),
                g.sH(),
                g.sW(),
                g.pH(),
                g.pW(),
                g.dH(),
                g.dW(),
                relu,
                precision);
        return built.computeIfAbsent(shape, Convolution::of);
    }

    /** The precision the direct convolutions compute in, for every layer of this JVM. */
    static Precision precision() {
        return precision;
    }

    /** From now on, every layer's convolutions compute in {@code p} (fp32, or bf16 where the CPU has it). */
    static void computeIn(Precision p) {
        if (p != Precision.FP32 && !bf16Available())
            throw new IllegalArgumentException("bf16 convolutions need oneDNN's preset and a CPU with bf16 arithmetic "
                    + "(avx512_bf16 or AMX); this machine " + (AVAILABLE ? "has neither" : "could not load the preset")
                    + ". Keep fp32.");
        precision = p;
    }

    /** Whether oneDNN's preset loaded (and CNNBOOK_CONVOLUTION did not ask for libnd4j's ops). */
    static boolean presetLoaded() {
        return AVAILABLE;
    }

    /** Whether convolutions can compute in bf16 here: the preset loaded and the CPU computes in bf16 itself. */
    static boolean bf16Available() {
        return AVAILABLE && OneDnn.hasNativeBf16();
    }

    /** Whether layers call oneDNN directly now. */
    static boolean usedDirectly() {
        return enabled;
    }

    /** Whether layers call oneDNN directly from now on ({@code on}, where the preset loaded) or libnd4j's ops. */
    static boolean useDirectly(boolean on) {
        enabled = on && AVAILABLE;
        return enabled;
    }

    /**
     * The precision a run starts with: {@code setting}'s (CNNBOOK_PRECISION: fp32 or bf16) if given, else bf16 where
     * the CPU computes in it and fp32 elsewhere. bf16 is the default because it trains this series' CNN as well as
     * fp32: notebook 6's protocol reached 99.22 to 99.41 % test accuracy with it for each of make seeds' five seeds
     * (bench/NOTES.md).
     */
    static Precision precisionFor(String setting, boolean cpuHasBf16) {
        if (setting == null || setting.isBlank()) return cpuHasBf16 ? Precision.BF16_IN_FP32 : Precision.FP32;
        if (setting.equalsIgnoreCase("fp32")) return Precision.FP32;
        if (!setting.equalsIgnoreCase("bf16"))
            throw new IllegalArgumentException("CNNBOOK_PRECISION=" + setting
                    + " is not a precision lib knows: use fp32 or bf16, or unset it (bf16 where the CPU computes in "
                    + "it, else fp32)");
        if (cpuHasBf16) return Precision.BF16_IN_FP32;
        System.err.println("[cnnbook] CNNBOOK_PRECISION=bf16, but this CPU has no bf16 arithmetic (avx512_bf16 or "
                + "AMX): the convolutions compute in fp32");
        return Precision.FP32;
    }

    /** How many input shapes have convolution or pooling primitives: one per input shape seen. */
    int shapesBuilt() {
        return built.size() + poolings.size();
    }

    /** How many matrix products have a oneDNN primitive: one per shape seen. */
    int productsBuilt() {
        return products.size();
    }

    private static boolean available() {
        if ("libnd4j".equalsIgnoreCase(System.getenv("CNNBOOK_CONVOLUTION"))) return false;
        try {
            OneDnn.describe();
            return true;
        } catch (LinkageError | RuntimeException cannotLoad) {
            System.err.println(
                    "[cnnbook] oneDNN's preset did not load (" + cannotLoad + "): convolutions run on libnd4j's path");
            return false;
        }
    }
}
