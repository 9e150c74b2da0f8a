package org.cnnbook.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cnnbook.engine.CpuInfo;
import org.cnnbook.engine.Nd4jSetup;
import org.cnnbook.onednn.ConvShape;
import org.cnnbook.onednn.Convolution;
import org.cnnbook.onednn.OneDnn;
import org.cnnbook.onednn.Precision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The kill test of the direct oneDNN path (issue 26, step 1): conv2 of the series' CNN (batch 32, 24×24×32 →
 * 20×20×32, 5×5, NHWC), forward and backward (input, weight and bias gradients), through libnd4j M2.1's
 * {@code conv2d}/{@code conv2d_bp} (its oneDNN 2.3) and through oneDNN 2.5.2 called directly (lib's
 * {@link Convolution}), fp32 and bf16, in one JVM. It checks that both give the same numbers, reports which OpenMP
 * runtimes the process loaded, and times each path in interleaved rounds. Prints one JSON line.
 * <p>
 * Arguments: {@code --rounds} (default 5) of {@code --calls} calls each (default 20).
 */
public final class ConvolutionProbe {
    private static final long N = 32, H = 24, W = 24, C = 32, O = 32, K = 5, OH = 20, OW = 20;

    private ConvolutionProbe() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Arguments.parse(args, Map.of("rounds", "5", "calls", "20"));
        int rounds = Integer.parseInt(a.get("rounds")), calls = Integer.parseInt(a.get("calls"));
        Nd4jSetup.ensure();
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, N, H, W, C);
        INDArray w = Nd4j.rand(DataType.FLOAT, O, C, K, K).subi(0.5).divi(20);
        INDArray b = Nd4j.rand(DataType.FLOAT, O).subi(0.5);
        INDArray dy = Nd4j.rand(DataType.FLOAT, N, OH, OW, O).subi(0.5);

        Path libnd4j = new Path(x, w, b, dy) {
            void forward() {
                Nd4j.exec(DynamicCustomOp.builder("conv2d")
                        .addInputs(x, w, b)
                        .addOutputs(y)
                        .addIntegerArguments(5, 5, 1, 1, 0, 0, 1, 1, 0, 1, 1)
                        .build());
            }

            void backward() {
                Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                        .addInputs(x, w, b, dy)
                        .addOutputs(dx, dw, db)
                        .addIntegerArguments(5, 5, 1, 1, 0, 0, 1, 1, 0, 1, 1)
                        .build());
            }
        };
        Path fp32 = onednn(Precision.FP32, x, w, b, dy);
        Path bf16 = onednn(Precision.BF16, x, w, b, dy);
        List<Path> paths = List.of(libnd4j, fp32, bf16);
        for (Path p : paths) {
            p.forward();
            p.backward();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("layer", "conv2, batch 32, 24x24x32 -> 20x20x32, 5x5, NHWC");
        out.put("cpu", CpuInfo.ofThisMachine().toString());
        out.put("onednn", OneDnn.describe());
        out.put("onednn_fp32_kernels", ((OneDnnPath) fp32).conv.implementation());
        out.put("onednn_bf16_kernels", ((OneDnnPath) bf16).conv.implementation());
        out.put("openmp_runtimes_loaded", OneDnn.openMpRuntimesLoaded());
        for (String part : List.of("y", "dx", "dw", "db")) {
            out.put("onednn_fp32_vs_libnd4j_" + part, error(libnd4j.part(part), fp32.part(part)));
            out.put("onednn_bf16_vs_libnd4j_" + part, error(libnd4j.part(part), bf16.part(part)));
        }
        for (int r = 0; r < rounds; r++) for (Path p : paths) p.time(calls);
        String[] names = {"libnd4j_fp32", "onednn_fp32", "onednn_bf16"};
        for (int i = 0; i < paths.size(); i++) {
            out.put(names[i] + "_forward_ms", paths.get(i).forwardMs.median());
            out.put(names[i] + "_backward_ms", paths.get(i).backwardMs.median());
            out.put(names[i] + "_forward_best_ms", paths.get(i).forwardMs.best());
            out.put(names[i] + "_backward_best_ms", paths.get(i).backwardMs.best());
        }
        System.out.println(json(out));
    }

    private static Path onednn(Precision precision, INDArray x, INDArray w, INDArray b, INDArray dy) {
        return new OneDnnPath(precision, x, w, b, dy);
    }

    /** The shape-for-shape twin of libnd4j's conv2d, through lib's oneDNN binding. */
    private static final class OneDnnPath extends Path {
        final Convolution conv;
        final Precision precision;
        final INDArray xp, dyp, yp, dxp;

        OneDnnPath(Precision precision, INDArray x, INDArray w, INDArray b, INDArray dy) {
            super(x, w, b, dy);
            this.precision = precision;
            conv = Convolution.of(new ConvShape(N, H, W, C, O, OH, OW, 5, 5, 1, 1, 0, 0, 1, 1, false, precision));
            xp = x.castTo(precision.dataType());
            dyp = dy.castTo(precision.dataType());
            yp = Nd4j.createUninitialized(precision.dataType(), y.shape());
            dxp = Nd4j.createUninitialized(precision.dataType(), dx.shape());
        }

        void forward() {
            conv.forward(xp, w, b, yp);
        }

        void backward() {
            conv.backward(xp, w, dyp, dxp, dw, db);
        }

        @Override
        INDArray part(String name) {
            return switch (name) {
                case "y" -> yp.castTo(DataType.FLOAT);
                case "dx" -> dxp.castTo(DataType.FLOAT);
                default -> super.part(name);
            };
        }
    }

    /** One way to compute the convolution, with its outputs and its timings. */
    private abstract static class Path {
        final INDArray x, w, b, dy, y, dx, dw, db;
        final Timings forwardMs = new Timings(), backwardMs = new Timings();

        Path(INDArray x, INDArray w, INDArray b, INDArray dy) {
            this.x = x;
            this.w = w;
            this.b = b;
            this.dy = dy;
            y = Nd4j.createUninitialized(DataType.FLOAT, N, OH, OW, O);
            dx = Nd4j.createUninitialized(DataType.FLOAT, x.shape());
            dw = Nd4j.createUninitialized(DataType.FLOAT, w.shape());
            db = Nd4j.createUninitialized(DataType.FLOAT, b.shape());
        }

        abstract void forward();

        abstract void backward();

        INDArray part(String name) {
            return switch (name) {
                case "y" -> y;
                case "dx" -> dx;
                case "dw" -> dw;
                default -> db;
            };
        }

        void time(int calls) {
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                forward();
                long t1 = System.nanoTime();
                backward();
                long t2 = System.nanoTime();
                forwardMs.add((t1 - t0) / 1e6);
                backwardMs.add((t2 - t1) / 1e6);
            }
        }
    }

    private static final class Timings {
        private final List<Double> values = new ArrayList<>();

        void add(double ms) {
            values.add(ms);
        }

        double median() {
            double[] v =
                    values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return v[v.length / 2];
        }

        double best() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }
    }

    /** ‖a − b‖ / ‖a‖. */
    private static double error(INDArray reference, INDArray other) {
        return other.sub(reference).norm2Number().doubleValue()
                / reference.norm2Number().doubleValue();
    }

    private static String json(Map<String, Object> values) {
        StringBuilder s = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (s.length() > 1) s.append(", ");
            s.append('"').append(k).append("\": ").append(value(v));
        });
        return s.append('}').toString();
    }

    private static String value(Object v) {
        if (v instanceof Double d) return String.format(Locale.ROOT, "%.6g", d);
        if (v instanceof List<?> l)
            return l.stream().map(ConvolutionProbe::value).toList().toString();
        return '"' + v.toString().replace("\"", "'") + '"';
    }
}
