package org.cnnbook.bench.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * make bench's DJL row: the corrected CNN of lib's {@code Models} (and of {@code bench/torch_epoch.py}), written as a
 * DJL user writes it, trained with DJL's PyTorch engine: batch 32, Adam at 1e-3, 3e-4, then 1e-4 per epoch,
 * Xavier-normal weights, zero biases, the images shuffled every epoch.
 * <p>
 * Arguments: {@code EPOCHS [--paced]}; with {@code --paced} it prints {@code READY} before each epoch and waits for a
 * line on standard input (bench/run_bench.py), and one JSON line after each epoch. MNIST from {@code MNIST_DIR} or
 * data/mnist; {@code BENCH_THREADS} threads (2), the first {@code BENCH_IMAGES} training images (60,000).
 */
public final class DjlEpoch {
    private static final float[] LEARNING_RATES = {1e-3f, 3e-4f, 1e-4f};
    private static final int BATCH = 32;

    private DjlEpoch() {}

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        boolean paced = args.length > 1 && args[1].equals("--paced");
        String threads = System.getenv().getOrDefault("BENCH_THREADS", "2");
        int images = Integer.parseInt(System.getenv().getOrDefault("BENCH_IMAGES", "60000"));
        Path mnist = Path.of(System.getenv().getOrDefault("MNIST_DIR", "data/mnist"));
        // libtorch and DJL's JNI library come from the Maven jars on the class path, never from a download
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", threads);
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");

        float[] rate = {LEARNING_RATES[0]};
        Tracker learningRate = update -> rate[0];
        try (Model model = Model.newInstance("cnn", "PyTorch");
                NDManager data = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            model.setBlock(network());
            var config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(learningRate)
                            .build())
                    .optInitializer(
                            new XavierInitializer(
                                    XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.AVG, 1f),
                            Parameter.Type.WEIGHT)
                    .optDevices(new Device[] {Device.cpu()});
            NDArray x = pixels(data, mnist.resolve("train-images-idx3-ubyte"), images);
            NDArray y = labels(data, mnist.resolve("train-labels-idx1-ubyte"), images);
            NDArray xTest = pixels(data, mnist.resolve("t10k-images-idx3-ubyte"), Integer.MAX_VALUE);
            byte[] testLabels = idx(mnist.resolve("t10k-labels-idx1-ubyte"), Integer.MAX_VALUE);
            Random shuffle = new Random(123);
            BufferedReader control = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(BATCH, 1, 28, 28));
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    if (paced) {
                        System.out.println("READY");
                        System.out.flush();
                        if (control.readLine() == null) return;
                    }
                    rate[0] = LEARNING_RATES[Math.min(epoch, LEARNING_RATES.length) - 1];
                    long[] order = permutation(images, shuffle);
                    long start = System.nanoTime();
                    for (int i = 0; i < images; i += BATCH) step(trainer, x, y, order, i);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(
                            Locale.ROOT,
                            "{\"framework\": \"DJL %s, PyTorch engine %s\", \"path\": \"%s threads\", \"epoch\": %d, "
                                    + "\"seconds\": %.3f, \"test_accuracy\": %.4f, \"images\": %d, \"peak_rss_mb\": %d}%n",
                            Engine.getDjlVersion(),
                            Engine.getEngine("PyTorch").getVersion(),
                            threads,
                            epoch,
                            seconds,
                            accuracy(trainer, xTest, testLabels),
                            images,
                            peakRssMegabytes());
                    System.out.flush();
                }
            }
        }
    }

    static SequentialBlock network() {
        return new SequentialBlock()
                .addAll(convolutionWithRelu(5, 32), convolutionWithRelu(5, 32))
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .addAll(convolutionWithRelu(3, 64), convolutionWithRelu(3, 64))
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(256).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(10).build());
    }

    /** A {@code size}x{@code size} convolution into {@code filters} channels (stride 1, no padding), then ReLU. */
    static SequentialBlock convolutionWithRelu(int size, int filters) {
        return new SequentialBlock()
                .add(Conv2d.builder()
                        .setKernelShape(new Shape(size, size))
                        .setFilters(filters)
                        .build())
                .add(Activation.reluBlock());
    }

    /** One Adam step on the batch of {@code order[from..from+32)}; every array it makes is closed with it. */
    static void step(Trainer trainer, NDArray x, NDArray y, long[] order, int from) {
        try (NDManager batch = x.getManager().newSubManager()) {
            long[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(from + BATCH, order.length));
            NDArray picked = batch.create(rows);
            NDArray xb = x.get(new NDIndex("{}", picked));
            NDArray yb = y.get(new NDIndex("{}", picked));
            xb.attach(batch);
            yb.attach(batch);
            try (GradientCollector gradients = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(xb));
                gradients.backward(trainer.getLoss().evaluate(new NDList(yb), predictions));
            }
            trainer.step();
        }
    }

    static double accuracy(Trainer trainer, NDArray xTest, byte[] labels) {
        int correct = 0;
        for (int from = 0; from < labels.length; from += 1000) {
            try (NDManager chunk = xTest.getManager().newSubManager()) {
                NDArray xc = xTest.get(from + ":" + Math.min(from + 1000, labels.length));
                xc.attach(chunk);
                long[] predicted = trainer.evaluate(new NDList(xc))
                        .singletonOrThrow()
                        .argMax(1)
                        .toLongArray();
                for (int i = 0; i < predicted.length; i++) if (predicted[i] == labels[from + i]) correct++;
            }
        }
        return (double) correct / labels.length;
    }

    static NDArray pixels(NDManager manager, Path file, int limit) throws IOException {
        byte[] raw = idx(file, limit);
        float[] scaled = new float[raw.length];
        for (int i = 0; i < raw.length; i++) scaled[i] = (raw[i] & 0xFF) / 255f;
        return manager.create(scaled, new Shape(raw.length / 784, 1, 28, 28));
    }

    static NDArray labels(NDManager manager, Path file, int limit) throws IOException {
        byte[] raw = idx(file, limit);
        float[] classes = new float[raw.length];
        for (int i = 0; i < raw.length; i++) classes[i] = raw[i];
        return manager.create(classes);
    }

    /** The bytes of an IDX file's first {@code limit} items (images or labels). */
    static byte[] idx(Path file, int limit) throws IOException {
        if (!Files.isRegularFile(file))
            throw new IOException(file + " is missing: run `make data` (or set MNIST_DIR to the four IDX files)");
        try (var in = new DataInputStream(Files.newInputStream(file))) {
            int dimensions = in.readInt() & 0xFF;
            int items = in.readInt();
            int itemSize = 1;
            for (int d = 1; d < dimensions; d++) itemSize *= in.readInt();
            byte[] bytes = new byte[Math.min(items, limit) * itemSize];
            in.readFully(bytes);
            return bytes;
        }
    }

    static long[] permutation(int n, Random random) {
        long[] order = new long[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** VmHWM of this process (Linux), or -1 where /proc is not available. */
    static long peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        } catch (IOException | RuntimeException e) {
            // not Linux: the bench prints n/a
        }
        return -1;
    }
}
