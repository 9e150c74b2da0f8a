package org.cnnbook.onednn;

import static org.bytedeco.dnnl.global.dnnl.*;

import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 2-D convolution for one {@link ConvShape}, its primitives built once: forward (training, bias and optionally
 * ReLU fused), input gradient and weight + bias gradients. Images are channels-last (NHWC) ND4J arrays of the
 * shape's {@link Precision}, used in place (or rounded to bf16 on the way in, {@link Precision#BF16_IN_FP32}); weights are DL4J's fp32 [out, in, kH, kW] and are reordered into the layout
 * oneDNN's kernel wants on every forward call (they change after every step, and are small).
 * <p>
 * Not thread-safe: one instance per layer and shape, used by one training thread (a layer keeps its own).
 */
public final class Convolution {
    private final ConvShape shape;
    private final dnnl_primitive forward = new dnnl_primitive();
    private final dnnl_primitive backwardData = new dnnl_primitive();
    private final dnnl_primitive backwardWeights = new dnnl_primitive();
    private final String implementation;

    private final Memory dst, bias, diffSrc, diffBias;
    private final Reorder srcIn, diffDstIn, weightsIn, backwardWeightsIn, weightGradOut;

    /** The primitives for this shape (building them takes milliseconds: keep the result for every call). */
    public static Convolution of(ConvShape shape) {
        return new Convolution(shape);
    }

    private Convolution(ConvShape s) {
        this.shape = s;
        int act = s.precision().onednnType, arrays = s.precision().arrayType;
        dnnl_memory_desc_t srcMd = Descs.of(act, dnnl_nhwc, s.srcDims());
        dnnl_memory_desc_t diffDstMd = Descs.of(act, dnnl_nhwc, s.dstDims());
        dnnl_memory_desc_t dstMd = Descs.of(arrays, dnnl_nhwc, s.dstDims());
        dnnl_memory_desc_t diffSrcMd = Descs.of(arrays, dnnl_nhwc, s.srcDims());
        dnnl_memory_desc_t anyWeights = Descs.of(act, dnnl_format_tag_any, s.weightDims());
        dnnl_memory_desc_t biasMd = Descs.of(dnnl_f32, dnnl_x, s.outChannels());
        dnnl_memory_desc_t userWeights = Descs.of(dnnl_f32, dnnl_oihw, s.weightDims());

        dnnl_primitive_attr attr = s.relu() ? OneDnn.reluAfter() : null;
        dnnl_convolution_desc_t fd = new dnnl_convolution_desc_t();
        check(
                dnnl_dilated_convolution_forward_desc_init(
                        fd,
                        dnnl_forward_training,
                        dnnl_convolution_direct,
                        srcMd,
                        anyWeights,
                        biasMd,
                        dstMd,
                        s.strides(),
                        s.dilates(),
                        s.padLeft(),
                        s.padRight()),
                "describing the forward convolution " + s);
        dnnl_primitive_desc fpd = primitiveDesc(fd, attr, null, "forward convolution");
        if (attr != null) dnnl_primitive_attr_destroy(attr);

        dnnl_convolution_desc_t bd = new dnnl_convolution_desc_t();
        check(
                dnnl_dilated_convolution_backward_data_desc_init(
                        bd,
                        dnnl_convolution_direct,
                        diffSrcMd,
                        anyWeights,
                        diffDstMd,
                        s.strides(),
                        s.dilates(),
                        s.padLeft(),
                        s.padRight()),
                "describing the convolution's input gradient " + s);
        dnnl_primitive_desc bdpd = primitiveDesc(bd, null, fpd, "convolution input gradient");

        dnnl_convolution_desc_t wd = new dnnl_convolution_desc_t();
        check(
                dnnl_dilated_convolution_backward_weights_desc_init(
                        wd,
                        dnnl_convolution_direct,
                        srcMd,
                        Descs.of(dnnl_f32, dnnl_format_tag_any, s.weightDims()),
                        biasMd,
                        diffDstMd,
                        s.strides(),
                        s.dilates(),
                        s.padLeft(),
                        s.padRight()),
                "describing the convolution's weight gradient " + s);
        dnnl_primitive_desc bwpd = primitiveDesc(wd, null, fpd, "convolution weight gradient");

        check(dnnl_primitive_create(forward, fpd), "building the forward convolution");
        check(dnnl_primitive_create(backwardData, bdpd), "building the input gradient");
        check(dnnl_primitive_create(backwardWeights, bwpd), "building the weight gradient");
        implementation = implementation(fpd) + " / " + implementation(bdpd) + " / " + implementation(bwpd);

        srcIn = Reorder.into(Descs.of(arrays, dnnl_nhwc, s.srcDims()), srcMd);
        diffDstIn = Reorder.into(dstMd, diffDstMd);
        dst = Memory.bound(dstMd);
        bias = Memory.bound(biasMd);
        diffSrc = Memory.bound(diffSrcMd);
        diffBias = Memory.bound(biasMd);
        weightsIn = Reorder.into(userWeights, Descs.query(fpd, dnnl_query_weights_md));
        dnnl_memory_desc_t backwardWeightsMd = Descs.query(bdpd, dnnl_query_weights_md);
        backwardWeightsIn = Descs.same(backwardWeightsMd, weightsIn.target().desc())
                ? null
                : Reorder.into(userWeights, backwardWeightsMd);
        weightGradOut = Reorder.outOf(Descs.query(bwpd, dnnl_query_diff_weights_md), userWeights);
        dnnl_primitive_desc_destroy(fpd);
        dnnl_primitive_desc_destroy(bdpd);
        dnnl_primitive_desc_destroy(bwpd);
    }

    /** {@code output = [relu](input * weights + bias)}; bias may be null only if the shape was built without. */
    public void forward(INDArray input, INDArray weights, INDArray biasValues, INDArray output) {
        Memory w = weightsIn.run(weights);
        OneDnn.execute(
                forward,
                DNNL_ARG_SRC,
                srcIn.run(input),
                DNNL_ARG_WEIGHTS,
                w,
                DNNL_ARG_BIAS,
                bias.bind(biasValues),
                DNNL_ARG_DST,
                dst.bind(output));
    }

    /**
     * Gradients from {@code outputGrad} (the gradient after ReLU's backward, if any): {@code inputGrad} (skipped when
     * null), and the weight and bias gradients in DL4J's layout.
     */
    public void backward(
            INDArray input,
            INDArray weights,
            INDArray outputGrad,
            INDArray inputGrad,
            INDArray weightGrad,
            INDArray biasGrad) {
        Memory diffDst = diffDstIn.run(outputGrad);
        if (inputGrad != null) {
            // reordered again: the weights of the last forward call need not be these (another layer or network)
            Memory w = (backwardWeightsIn == null ? weightsIn : backwardWeightsIn).run(weights);
            OneDnn.execute(
                    backwardData,
                    DNNL_ARG_DIFF_DST,
                    diffDst,
                    DNNL_ARG_WEIGHTS,
                    w,
                    DNNL_ARG_DIFF_SRC,
                    diffSrc.bind(inputGrad));
        }
        OneDnn.execute(
                backwardWeights,
                DNNL_ARG_SRC,
                srcIn.run(input), // rounded again: the input of the last forward call need not be this one
                DNNL_ARG_DIFF_DST,
                diffDst,
                DNNL_ARG_DIFF_WEIGHTS,
                weightGradOut.source(weightGrad),
                DNNL_ARG_DIFF_BIAS,
                diffBias.bind(biasGrad));
        weightGradOut.finish(weightGrad);
    }

    public ConvShape shape() {
        return shape;
    }

    /** The kernels oneDNN picked: forward / input gradient / weight gradient, e.g. "brg:avx512_core_amx". */
    public String implementation() {
        return implementation;
    }

    private static dnnl_primitive_desc primitiveDesc(
            org.bytedeco.javacpp.Pointer opDesc, dnnl_primitive_attr attr, dnnl_primitive_desc hint, String what) {
        return OneDnn.primitiveDesc(opDesc, attr, hint, what);
    }

    static String implementation(dnnl_primitive_desc pd) {
        org.bytedeco.javacpp.PointerPointer<?> out = new org.bytedeco.javacpp.PointerPointer<>(1);
        check(dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, out), "asking for the implementation");
        return out.getString(0);
    }

    private static void check(int status, String what) {
        OneDnn.check(status, what);
    }
}
