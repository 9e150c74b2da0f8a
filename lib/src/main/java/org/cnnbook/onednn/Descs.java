package org.cnnbook.onednn;

import static org.bytedeco.dnnl.global.dnnl.*;

import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive_desc;

/** Memory descriptors: plain layouts of ND4J arrays, and the layouts a primitive chose. */
final class Descs {
    private Descs() {}

    /** {@code dims} in oneDNN's logical order (N, C, H, W for images; O, I, H, W for weights). */
    static dnnl_memory_desc_t of(int dataType, int formatTag, long... dims) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        OneDnn.check(
                dnnl_memory_desc_init_by_tag(md, dims.length, dims, dataType, formatTag),
                "describing a " + dims.length + "-d tensor " + java.util.Arrays.toString(dims));
        return md;
    }

    /** A descriptor the primitive reports, copied so that it outlives the query. */
    static dnnl_memory_desc_t query(dnnl_primitive_desc pd, int what) {
        dnnl_memory_desc_t reported = dnnl_primitive_desc_query_md(pd, what, 0);
        dnnl_memory_desc_t copy = new dnnl_memory_desc_t();
        org.bytedeco.javacpp.Pointer.memcpy(copy, reported, copy.sizeof());
        return copy;
    }

    static boolean same(dnnl_memory_desc_t a, dnnl_memory_desc_t b) {
        return dnnl_memory_desc_equal(a, b) != 0;
    }
}
