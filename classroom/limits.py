"""The classroom's per-kernel limits (limits.env, or the environment, which wins) as the kernel's JVM options and
environment."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
LIMITS_FILE = os.path.join(HERE, "limits.env")


def limits(path=LIMITS_FILE):
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                values[key.strip()] = value.strip()
    return {key: os.environ.get(key, value) for key, value in values.items()}


def jvm_options(values):
    return " ".join([
        f"-Xmx{values['CNNBOOK_HEAP']}",
        f"-Dorg.bytedeco.javacpp.maxbytes={values['CNNBOOK_OFFHEAP']}",
        f"-Dorg.bytedeco.javacpp.maxphysicalbytes={values['CNNBOOK_PHYSICAL']}",
        "-XX:+UseG1GC",
        f"-XX:G1PeriodicGCInterval={values['CNNBOOK_IDLE_GC_MS']}",
        "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",  # give freed heap back instead of keeping it
    ])


def kernel_environment(values, lib_dir, mnist_dir):
    threads = values["CNNBOOK_THREADS"]
    return {"IJAVA_JVM_OPTS": jvm_options(values), "OMP_NUM_THREADS": threads, "OPENBLAS_NUM_THREADS": threads,
            "CNNBOOK_LIB": lib_dir, "MNIST_DIR": mnist_dir}
