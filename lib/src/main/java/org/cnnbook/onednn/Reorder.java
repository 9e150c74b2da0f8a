package org.cnnbook.onednn;

import static org.bytedeco.dnnl.global.dnnl.*;

import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Between an ND4J array's plain layout and a primitive's own (blocked weights, bf16): built once, and nothing at
 * all when the two layouts are the same.
 */
final class Reorder {
    private final Memory plain;
    private final Memory own;
    private final dnnl_primitive primitive;

    private Reorder(dnnl_memory_desc_t plainMd, dnnl_memory_desc_t ownMd, boolean intoOwn) {
        this.plain = Memory.bound(plainMd);
        if (Descs.same(plainMd, ownMd)) {
            own = null;
            primitive = null;
            return;
        }
        own = Memory.owned(ownMd);
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        OneDnn.check(
                intoOwn
                        ? dnnl_reorder_primitive_desc_create(pd, plainMd, OneDnn.engine(), ownMd, OneDnn.engine(), null)
                        : dnnl_reorder_primitive_desc_create(
                                pd, ownMd, OneDnn.engine(), plainMd, OneDnn.engine(), null),
                "choosing a reorder");
        primitive = new dnnl_primitive();
        OneDnn.check(dnnl_primitive_create(primitive, pd), "building a reorder");
        dnnl_primitive_desc_destroy(pd);
    }

    /** From an array into the primitive's layout. */
    static Reorder into(dnnl_memory_desc_t plainMd, dnnl_memory_desc_t primitiveMd) {
        return new Reorder(plainMd, primitiveMd, true);
    }

    /** From the primitive's layout out into an array. */
    static Reorder outOf(dnnl_memory_desc_t primitiveMd, dnnl_memory_desc_t plainMd) {
        return new Reorder(plainMd, primitiveMd, false);
    }

    /** {@link #into}: the array's values in the primitive's layout (the array itself when the layouts agree). */
    Memory run(INDArray array) {
        plain.bind(array);
        if (primitive == null) return plain;
        OneDnn.execute(primitive, DNNL_ARG_FROM, plain, DNNL_ARG_TO, own);
        return own;
    }

    /** What {@link #run} last produced. */
    Memory target() {
        return primitive == null ? plain : own;
    }

    /** {@link #outOf}: where the primitive writes (the array itself when the layouts agree). */
    Memory source(INDArray array) {
        plain.bind(array);
        return primitive == null ? plain : own;
    }

    /** {@link #outOf}: copies what the primitive wrote into the array. */
    void finish(INDArray array) {
        if (primitive == null) return;
        OneDnn.execute(primitive, DNNL_ARG_FROM, own, DNNL_ARG_TO, plain.bind(array));
    }
}
