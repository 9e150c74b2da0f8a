package org.cnnbook.onednn;

import static org.bytedeco.dnnl.global.dnnl.*;

import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A oneDNN memory object: either bound to an ND4J array before each call (the array's buffer is used in place), or
 * owned by oneDNN (weights in a primitive's own layout, pooling workspaces).
 */
final class Memory {
    private static final long ONEDNN_ALLOCATES = -1L; // DNNL_MEMORY_ALLOCATE

    private final dnnl_memory handle = new dnnl_memory();
    private final dnnl_memory_desc_t desc;
    private final long bytes;

    private Memory(dnnl_memory_desc_t desc, long initialAddress) {
        this.desc = desc;
        this.bytes = dnnl_memory_desc_get_size(desc);
        check(dnnl_memory_create(
                handle, desc, OneDnn.engine(), initialAddress == 0 ? null : new OneDnn.Address(initialAddress)));
    }

    /** Memory whose buffer is an ND4J array, given by {@link #bind} before every use. */
    static Memory bound(dnnl_memory_desc_t desc) {
        return new Memory(desc, 0);
    }

    /** Memory oneDNN allocates and keeps. */
    static Memory owned(dnnl_memory_desc_t desc) {
        return new Memory(desc, ONEDNN_ALLOCATES);
    }

    Memory bind(INDArray array) {
        long arrayBytes = array.length() * array.data().getElementSize();
        if (arrayBytes != bytes)
            throw new IllegalArgumentException("oneDNN expects " + bytes + " bytes here, the array "
                    + java.util.Arrays.toString(array.shape()) + " (" + array.dataType() + ") has " + arrayBytes);
        check(dnnl_memory_set_data_handle(handle, OneDnn.addressOf(array)));
        return this;
    }

    dnnl_memory handle() {
        return handle;
    }

    dnnl_memory_desc_t desc() {
        return desc;
    }

    private static void check(int status) {
        OneDnn.check(status, "creating or binding a memory object");
    }
}
