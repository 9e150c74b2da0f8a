package org.cnnbook.bench;

import java.util.Locale;
import org.cnnbook.engine.Nd4jSetup;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code make bench}'s DL4J side of bf16: DL4J M2.1 cannot train this CNN in bf16 at a useful speed
 * (libnd4j has no oneDNN bf16 convolution, only its generic loops), so it times the convolution that carries three quarters of the model's work, conv2 (batch
 * 32, 24×24×32 → 20×20×32, 5×5, NHWC), through ND4J's own {@code conv2d} in fp32 and in bf16, and checks that both
 * compute the same. Prints one JSON line.
 * <p>
 * Arguments: the number of fp32 calls to time (default 20); bf16 gets a tenth as many (at least two).
 */
public final class Bf16Probe {
    private Bf16Probe() {}

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Nd4jSetup.ensure();
        Nd4j.getRandom().setSeed(7);
        INDArray input = Nd4j.rand(DataType.FLOAT, 32, 24, 24, 32);
        INDArray weights = Nd4j.rand(DataType.FLOAT, 5, 5, 32, 32).subi(0.5).divi(20);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 32);
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(5)
                .kW(5)
                .sH(1)
                .sW(1)
                .dataFormat("NHWC")
                .build();

        Timed fp32 = Timed.best(calls, () -> Nd4j.cnn().conv2d(input, weights, bias, config));
        INDArray input16 = input.castTo(DataType.BFLOAT16);
        INDArray weights16 = weights.castTo(DataType.BFLOAT16);
        INDArray bias16 = bias.castTo(DataType.BFLOAT16);
        Timed bf16 = Timed.best(Math.max(2, calls / 10), () -> Nd4j.cnn().conv2d(input16, weights16, bias16, config));
        INDArray bf16Output = bf16.output().castTo(DataType.FLOAT);
        double relativeError = bf16Output.sub(fp32.output()).norm2Number().doubleValue()
                / fp32.output().norm2Number().doubleValue();
        System.out.printf(
                Locale.ROOT,
                "{\"layer\": \"conv2 forward, batch 32, 24x24x32 -> 20x20x32, 5x5, NHWC\", \"fp32_ms\": %.3f, "
                        + "\"bf16_ms\": %.3f, \"bf16_relative_error\": %.5f, \"path\": \"%s\"}%n",
                fp32.bestMillis(),
                bf16.bestMillis(),
                relativeError,
                Nd4jSetup.describe().replace("\"", "'"));
    }

    /** The best of several calls of one computation, and its last output. */
    private record Timed(double bestMillis, INDArray output) {
        static Timed best(int calls, java.util.function.Supplier<INDArray> computation) {
            INDArray output = computation.get(); // the first call pays for one-time set-up
            double best = Double.MAX_VALUE;
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                output = computation.get();
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
            return new Timed(best, output);
        }
    }
}
