package org.cnnbook.onednn;

import static org.bytedeco.dnnl.global.dnnl.*;

import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_pooling_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max pooling of fp32 channels-last images for one {@link PoolShape}: the training forward pass records where each
 * maximum was in a workspace, and the backward pass sends each gradient straight there (libnd4j's pooling searches
 * the window again). Primitives built once; an inference pass of its own, so evaluation never touches the workspace
 * a training step still needs.
 * <p>
 * Not thread-safe: one instance per layer and shape, used by one training thread.
 */
public final class MaxPooling {
    private final PoolShape shape;
    private final dnnl_primitive training, inference, backward;
    private final Memory src, dst, diffSrc, diffDst, workspace;

    public static MaxPooling of(PoolShape shape) {
        return new MaxPooling(shape);
    }

    private MaxPooling(PoolShape s) {
        this.shape = s;
        dnnl_memory_desc_t srcMd = Descs.of(dnnl_f32, dnnl_nhwc, s.srcDims());
        dnnl_memory_desc_t dstMd = Descs.of(dnnl_f32, dnnl_nhwc, s.dstDims());
        long[] strides = {s.sH(), s.sW()}, kernel = {s.kH(), s.kW()}, padLeft = {s.pH(), s.pW()};
        dnnl_primitive_desc trainingPd = forward(dnnl_forward_training, srcMd, dstMd, strides, kernel, padLeft, s);
        dnnl_primitive_desc inferencePd = forward(dnnl_forward_inference, srcMd, dstMd, strides, kernel, padLeft, s);
        dnnl_pooling_desc_t bd = new dnnl_pooling_desc_t();
        OneDnn.check(
                dnnl_pooling_backward_desc_init(
                        bd, dnnl_pooling_max, srcMd, dstMd, strides, kernel, padLeft, s.padRight()),
                "describing max pooling's backward pass " + s);
        dnnl_primitive_desc backwardPd = OneDnn.primitiveDesc(bd, null, trainingPd, "max pooling's backward pass");
        training = OneDnn.primitive(trainingPd, "max pooling");
        inference = OneDnn.primitive(inferencePd, "max pooling for inference");
        backward = OneDnn.primitive(backwardPd, "max pooling's backward pass");
        workspace = Memory.owned(Descs.query(trainingPd, dnnl_query_workspace_md));
        src = Memory.bound(srcMd);
        dst = Memory.bound(dstMd);
        diffSrc = Memory.bound(srcMd);
        diffDst = Memory.bound(dstMd);
        dnnl_primitive_desc_destroy(trainingPd);
        dnnl_primitive_desc_destroy(inferencePd);
        dnnl_primitive_desc_destroy(backwardPd);
    }

    private static dnnl_primitive_desc forward(
            int kind,
            dnnl_memory_desc_t srcMd,
            dnnl_memory_desc_t dstMd,
            long[] strides,
            long[] kernel,
            long[] padLeft,
            PoolShape s) {
        dnnl_pooling_desc_t fd = new dnnl_pooling_desc_t();
        OneDnn.check(
                dnnl_pooling_forward_desc_init(
                        fd, kind, dnnl_pooling_max, srcMd, dstMd, strides, kernel, padLeft, s.padRight()),
                "describing max pooling " + s);
        return OneDnn.primitiveDesc(fd, null, null, "max pooling");
    }

    /** The maxima of {@code input}'s windows into {@code output}; in training, remembered for {@link #backward}. */
    public void forward(INDArray input, INDArray output, boolean forTraining) {
        if (forTraining)
            OneDnn.execute(
                    training,
                    DNNL_ARG_SRC,
                    src.bind(input),
                    DNNL_ARG_DST,
                    dst.bind(output),
                    DNNL_ARG_WORKSPACE,
                    workspace);
        else OneDnn.execute(inference, DNNL_ARG_SRC, src.bind(input), DNNL_ARG_DST, dst.bind(output));
    }

    /** The input gradient of the last training forward pass, from the gradient of its output. */
    public void backward(INDArray outputGrad, INDArray inputGrad) {
        OneDnn.execute(
                backward,
                DNNL_ARG_DIFF_DST,
                diffDst.bind(outputGrad),
                DNNL_ARG_WORKSPACE,
                workspace,
                DNNL_ARG_DIFF_SRC,
                diffSrc.bind(inputGrad));
    }

    public PoolShape shape() {
        return shape;
    }
}
