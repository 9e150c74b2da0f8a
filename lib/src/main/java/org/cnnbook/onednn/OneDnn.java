package org.cnnbook.onednn;

import static org.bytedeco.dnnl.global.dnnl.*;

import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.dnnl.dnnl_version_t;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The process's one oneDNN CPU engine and stream, and what every call needs: status checks that say what failed,
 * the address of an ND4J array's first element, and a primitive's execution with its arguments.
 */
public final class OneDnn {
    private static final dnnl_engine ENGINE = new dnnl_engine();
    private static final dnnl_stream STREAM = new dnnl_stream();

    static {
        check(dnnl_engine_create(ENGINE, dnnl_cpu, 0), "creating oneDNN's CPU engine");
        check(dnnl_stream_create(STREAM, ENGINE, dnnl_stream_default_flags), "creating oneDNN's stream");
    }

    private OneDnn() {}

    static dnnl_engine engine() {
        return ENGINE;
    }

    /** oneDNN's version and the instruction set its kernels use on this CPU, e.g. "oneDNN 2.5.2, avx512_core_amx". */
    public static String describe() {
        dnnl_version_t v = dnnl_version();
        return "oneDNN " + v.major() + "." + v.minor() + "." + v.patch() + ", " + isaName(dnnl_get_effective_cpu_isa());
    }

    /** Whether oneDNN computes in bf16 on this CPU (AVX-512 bf16 instructions or AMX), not by emulating it. */
    public static boolean hasNativeBf16() {
        int isa = dnnl_get_effective_cpu_isa();
        return isa == dnnl_cpu_isa_avx512_core_bf16 || isa == dnnl_cpu_isa_avx512_core_amx;
    }

    /**
     * The OpenMP runtime files mapped into this process (from /proc/self/maps): libnd4j and the oneDNN preset each
     * ship one, and one should serve both.
     */
    public static java.util.List<String> openMpRuntimesLoaded() throws java.io.IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps")).stream()
                .filter(l -> l.contains("libgomp") || l.contains("libiomp"))
                .map(l -> l.substring(l.indexOf('/')))
                .distinct()
                .toList();
    }

    private static String isaName(int isa) {
        if (isa == dnnl_cpu_isa_avx512_core_amx) return "avx512_core_amx";
        if (isa == dnnl_cpu_isa_avx512_core_bf16) return "avx512_core_bf16";
        if (isa == dnnl_cpu_isa_avx512_core_vnni) return "avx512_core_vnni";
        if (isa == dnnl_cpu_isa_avx512_core) return "avx512_core";
        if (isa == dnnl_cpu_isa_avx2) return "avx2";
        return "isa " + isa;
    }

    static void check(int status, String what) {
        if (status != dnnl_success)
            throw new IllegalStateException("oneDNN failed " + what + " (status " + status + ", " + statusName(status)
                    + "). Run with ONEDNN_VERBOSE=all to see the primitive it was asked for.");
    }

    private static String statusName(int status) {
        if (status == dnnl_out_of_memory) return "out of memory";
        if (status == dnnl_invalid_arguments) return "invalid arguments";
        if (status == dnnl_unimplemented) return "no implementation for these shapes and types";
        return "see dnnl_status_t";
    }

    /** Runs a primitive on the stream and waits for it; {@code args} are pairs of DNNL_ARG_* and memory. */
    static void execute(dnnl_primitive primitive, Object... args) {
        int n = args.length / 2;
        try (dnnl_exec_arg_t list = new dnnl_exec_arg_t(n)) {
            for (int i = 0; i < n; i++) {
                list.position(i).arg((Integer) args[2 * i]).memory(((Memory) args[2 * i + 1]).handle());
            }
            list.position(0);
            check(dnnl_primitive_execute(primitive, STREAM, n, list), "executing a primitive");
        }
        check(dnnl_stream_wait(STREAM), "waiting for the stream");
    }

    /** Chooses an implementation for {@code opDesc}; backward primitives pass their forward one as {@code hint}. */
    static org.bytedeco.dnnl.dnnl_primitive_desc primitiveDesc(
            Pointer opDesc,
            org.bytedeco.dnnl.dnnl_primitive_attr attr,
            org.bytedeco.dnnl.dnnl_primitive_desc hint,
            String what) {
        org.bytedeco.dnnl.dnnl_primitive_desc pd = new org.bytedeco.dnnl.dnnl_primitive_desc();
        check(
                dnnl_primitive_desc_create(pd, new org.bytedeco.dnnl.const_dnnl_op_desc_t(opDesc), attr, ENGINE, hint),
                "choosing an implementation for the " + what);
        return pd;
    }

    /** Attributes that apply ReLU to a primitive's output (a post-op); the caller destroys them once used. */
    static org.bytedeco.dnnl.dnnl_primitive_attr reluAfter() {
        org.bytedeco.dnnl.dnnl_primitive_attr attr = new org.bytedeco.dnnl.dnnl_primitive_attr();
        check(dnnl_primitive_attr_create(attr), "creating attributes");
        org.bytedeco.dnnl.dnnl_post_ops ops = new org.bytedeco.dnnl.dnnl_post_ops();
        check(dnnl_post_ops_create(ops), "creating post-ops");
        check(dnnl_post_ops_append_eltwise(ops, 1f, dnnl_eltwise_relu, 0f, 0f), "adding ReLU");
        check(dnnl_primitive_attr_set_post_ops(attr, ops), "setting post-ops");
        dnnl_post_ops_destroy(ops);
        return attr;
    }

    /** A primitive for {@code pd}. */
    static dnnl_primitive primitive(org.bytedeco.dnnl.dnnl_primitive_desc pd, String what) {
        dnnl_primitive primitive = new dnnl_primitive();
        check(dnnl_primitive_create(primitive, pd), "building the " + what);
        return primitive;
    }

    /** The address of an array's first element: ND4J's buffer itself, no copy. The array must be contiguous. */
    static Pointer addressOf(INDArray array) {
        if (array.ordering() != 'c' || array.elementWiseStride() != 1 && array.length() > 1)
            throw new IllegalArgumentException(
                    "oneDNN reads arrays in place: this one must be contiguous in C order, got "
                            + array.shapeInfoToString().replace('\n', ' ') + ". Use dup('c') first.");
        long address = array.data().address() + array.offset() * array.data().getElementSize();
        return new Address(address);
    }

    /** A raw address for oneDNN (JavaCPP passes {@code address + position}). */
    static final class Address extends Pointer {
        Address(long address) {
            this.address = address;
        }
    }
}
