#!/usr/bin/env python3
"""make bench's second reference: the seed's own Keras program (Keras 3 on TensorFlow), corrected.

The seed's model with its four mistakes fixed (ReLU on every convolution, Flatten before the dense layers, the
test images divided by 255, labels left alone, evaluation after fitting): conv5x5x32 relu, conv5x5x32 relu,
maxpool 2, conv3x3x64 relu, conv3x3x64 relu, maxpool 2, flatten, dense 256 relu, dense 10 softmax; Keras's default
Glorot (Xavier) initialisation and zero biases; Adam at 1e-3, 3e-4, then 1e-4 per epoch (lib's Models.LEARNING_RATE);
batch 32 (Keras's default); NHWC float32 pixels / 255;
shuffled each epoch; BENCH_THREADS threads (2); the first BENCH_IMAGES training images (all 60,000). Prints one JSON line per epoch, like bench/torch_epoch.py.

    keras_epoch.py EPOCHS [--paced]
"""
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # TensorFlow's start-up notices are not results
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402

from reference import THREADS, TRAINING_IMAGES, arguments, epochs, learning_rate, read_idx, report  # noqa: E402


def model():
    net = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, (5, 5), activation="relu"), layers.Conv2D(32, (5, 5), activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(64, (3, 3), activation="relu"), layers.Conv2D(64, (3, 3), activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(), layers.Dense(256, activation="relu"), layers.Dense(10, activation="softmax")])
    # no metric during fit: PyTorch's loop and lib's compute none either
    net.compile(optimizer=keras.optimizers.Adam(1e-3), loss="categorical_crossentropy")
    return net


def accuracy(net, x_test, labels):
    return float(np.mean(np.argmax(net.predict(x_test, batch_size=1000, verbose=0), axis=1) == labels))


def main(count, paced):
    tf.config.threading.set_intra_op_parallelism_threads(THREADS)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    keras.utils.set_random_seed(123)
    n = TRAINING_IMAGES
    x = read_idx("train-images-idx3-ubyte")[:n].reshape(-1, 28, 28, 1).astype(np.float32) / 255
    y = keras.utils.to_categorical(read_idx("train-labels-idx1-ubyte")[:n], 10)
    x_test = read_idx("t10k-images-idx3-ubyte").reshape(-1, 28, 28, 1).astype(np.float32) / 255
    test_labels = read_idx("t10k-labels-idx1-ubyte")
    net = model()
    onednn = "off" if os.environ.get("TF_ENABLE_ONEDNN_OPTS") == "0" else "on"  # TensorFlow's default on x86: on
    for epoch in epochs(count, paced):
        net.optimizer.learning_rate.assign(learning_rate(epoch))
        start = time.perf_counter()
        net.fit(x, y, batch_size=32, epochs=1, shuffle=True, verbose=0)
        seconds = time.perf_counter() - start
        report(f"Keras {keras.__version__} / TensorFlow {tf.__version__}", f"{THREADS} threads, oneDNN {onednn}",
               epoch, seconds, accuracy(net, x_test, test_labels), len(x))


if __name__ == "__main__":
    main(*arguments())
