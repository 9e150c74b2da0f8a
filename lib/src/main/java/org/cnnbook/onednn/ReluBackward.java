package org.cnnbook.onednn;

import static org.bytedeco.dnnl.global.dnnl.*;

import org.bytedeco.dnnl.dnnl_eltwise_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ReLU's backward pass from its output, {@code grad = outputGrad where output > 0, else 0}, as one vectorised oneDNN
 * pass over fp32 arrays of one length (element-wise: any shape of that many elements). Built once per length.
 */
public final class ReluBackward {
    private final long length;
    private final dnnl_primitive primitive;
    private final Memory dst, diffDst, diffSrc;

    public static ReluBackward of(long length) {
        return new ReluBackward(length);
    }

    private ReluBackward(long length) {
        this.length = length;
        dnnl_memory_desc_t md = Descs.of(dnnl_f32, dnnl_a, length);
        dnnl_eltwise_desc_t forward = new dnnl_eltwise_desc_t();
        OneDnn.check(
                dnnl_eltwise_forward_desc_init(
                        forward, dnnl_forward_training, dnnl_eltwise_relu_use_dst_for_bwd, md, 0f, 0f),
                "describing ReLU");
        dnnl_primitive_desc hint = OneDnn.primitiveDesc(forward, null, null, "ReLU");
        dnnl_eltwise_desc_t backward = new dnnl_eltwise_desc_t();
        OneDnn.check(
                dnnl_eltwise_backward_desc_init(backward, dnnl_eltwise_relu_use_dst_for_bwd, md, md, 0f, 0f),
                "describing ReLU's backward pass");
        dnnl_primitive_desc pd = OneDnn.primitiveDesc(backward, null, hint, "ReLU's backward pass");
        primitive = OneDnn.primitive(pd, "ReLU's backward pass");
        dnnl_primitive_desc_destroy(pd);
        dnnl_primitive_desc_destroy(hint);
        dst = Memory.bound(md);
        diffDst = Memory.bound(md);
        diffSrc = Memory.bound(md);
    }

    /** {@code grad} from ReLU's {@code output} and the gradient after it, {@code outputGrad}; all contiguous fp32. */
    public void run(INDArray output, INDArray outputGrad, INDArray grad) {
        OneDnn.execute(
                primitive,
                DNNL_ARG_DST,
                dst.bind(output),
                DNNL_ARG_DIFF_DST,
                diffDst.bind(outputGrad),
                DNNL_ARG_DIFF_SRC,
                diffSrc.bind(grad));
    }

    public long length() {
        return length;
    }
}
