package org.cnnbook.layers;

import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J's convolution layer computed channels-last (NHWC), where oneDNN's kernels run faster than on NCHW
 * (bench/NOTES.md): on oneDNN called directly with primitives kept per shape and ReLU fused ({@link
 * DirectOneDnn}), else with libnd4j's oneDNN convolution. The network's first layer (one input channel) is computed as im2col + one
 * matrix product instead: oneDNN is slow for a single channel, and the first layer needs no input gradient.
 * ReLU's backward pass uses the layer's own output, so nothing is computed twice.
 * Accepts NCHW input too when it has one channel (both layouts are the same bytes).
 */
public class LibConvolutionLayer extends ConvolutionLayer {
    private static final String W = ConvolutionParamInitializer.WEIGHT_KEY;
    private static final String B = ConvolutionParamInitializer.BIAS_KEY;

    /** This training step's state, kept from the forward pass for the backward pass. */
    private INDArray output;

    private INDArray preActivation;
    private INDArray columns;
    private final SingleChannelPatches patchMaker = new SingleChannelPatches();
    private final DirectOneDnn direct = new DirectOneDnn();

    public LibConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        validateInputRank();
        applyDropOutIfNecessary(training, workspaces);
        INDArray weights = getParamWithNoise(W, training, workspaces);
        INDArray bias = hasBias() ? getParamWithNoise(B, training, workspaces).reshape(weights.size(0)) : null;
        INDArray x = channelsLast(input, weights.size(1));
        Geometry g = geometry();
        long batch = x.size(0), outChannels = weights.size(0);
        int outH = g.outHeight(x.size(1)), outW = g.outWidth(x.size(2));
        INDArray out = workspaces.createUninitialized(
                ArrayType.ACTIVATIONS, dataType, new long[] {batch, outH, outW, outChannels}, 'c');
        boolean reluDone = false;
        if (firstLayer(weights) && !g.same()) {
            INDArray patches =
                    patches(x, g, outH, outW, training ? ArrayType.ACTIVATIONS : ArrayType.FF_WORKING_MEM, workspaces);
            long kernel = patches.size(0) - 1;
            // [W | b] against the patches' row of ones: the bias comes with the product
            INDArray weightsAndBias =
                    workspaces.create(ArrayType.FF_WORKING_MEM, dataType, new long[] {outChannels, kernel + 1}, 'c');
            weightsAndBias
                    .get(NDArrayIndex.all(), NDArrayIndex.interval(0, kernel))
                    .assign(weights.reshape('c', outChannels, kernel));
            if (bias != null)
                weightsAndBias
                        .get(NDArrayIndex.all(), NDArrayIndex.point(kernel))
                        .assign(bias);
            boolean relu = NativeOps.isRelu(layerConf().getActivationFn());
            direct.product(
                    patches,
                    weightsAndBias,
                    null,
                    relu,
                    out.reshape('c', batch * outH * outW, outChannels),
                    true,
                    true);
            reluDone = relu;
            columns = training ? patches : null;
        } else if (DirectOneDnn.usable(dataType, bias != null, g)) {
            x = DirectOneDnn.contiguous(x);
            direct.of(x, outChannels, g, NativeOps.isRelu(layerConf().getActivationFn()))
                    .forward(x, weights, bias, out);
            reluDone = NativeOps.isRelu(layerConf().getActivationFn());
        } else {
            NativeOps.conv2d(x, weights, bias, g, out);
        }
        IActivation activation = layerConf().getActivationFn();
        preActivation = null;
        if (reluDone) {
            // fused into the convolution
        } else if (NativeOps.isRelu(activation)) {
            Transforms.relu(out, false);
        } else if (!(activation instanceof ActivationIdentity)) {
            if (training) preActivation = out.dup();
            activation.getActivation(out, training);
        }
        output = training ? out : null;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        if (output == null) throw new IllegalStateException("backpropGradient without a training forward pass");
        INDArray weights = getParamWithNoise(W, true, workspaces);
        long outChannels = weights.size(0);
        INDArray bias = hasBias() ? getParamWithNoise(B, true, workspaces).reshape(outChannels) : null;
        INDArray delta = delta(epsilon, workspaces);
        INDArray weightGrad = gradientViews.get(W);
        INDArray biasGrad = hasBias() ? gradientViews.get(B) : null;
        INDArray inputGrad = null;
        if (columns != null) {
            INDArray delta2d = delta.reshape('c', columns.size(1), outChannels);
            long kernel = columns.size(0) - 1;
            // patches · delta without transposes (OpenBLAS ran this long, thin product about 3x faster than
            // deltaᵀ · patchesᵀ); its last row, from the row of ones, is the bias gradient
            INDArray transposedGrad = workspaces.createUninitialized(
                    ArrayType.BP_WORKING_MEM, dataType, new long[] {kernel + 1, outChannels}, 'c');
            direct.product(columns, delta2d, null, false, transposedGrad, false, false);
            weightGrad
                    .reshape('c', outChannels, kernel)
                    .assign(transposedGrad
                            .get(NDArrayIndex.interval(0, kernel), NDArrayIndex.all())
                            .transpose());
            if (biasGrad != null)
                biasGrad.assign(transposedGrad
                        .get(NDArrayIndex.point(kernel), NDArrayIndex.all())
                        .reshape(biasGrad.shape()));
        } else {
            INDArray x = channelsLast(input, weights.size(1));
            inputGrad = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
            if (DirectOneDnn.usable(dataType, bias != null, geometry())) {
                x = DirectOneDnn.contiguous(x);
                direct.of(
                                x,
                                outChannels,
                                geometry(),
                                NativeOps.isRelu(layerConf().getActivationFn()))
                        .backward(
                                x,
                                weights,
                                DirectOneDnn.contiguous(delta),
                                inputGrad,
                                weightGrad,
                                biasGrad.reshape(outChannels));
            } else
                NativeOps.conv2dBackprop(
                        x,
                        weights,
                        bias,
                        delta,
                        geometry(),
                        inputGrad,
                        weightGrad,
                        biasGrad == null ? null : biasGrad.reshape(outChannels));
            inputGrad = inInputLayout(inputGrad);
        }
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(W, weightGrad, 'c');
        if (biasGrad != null) gradient.setGradientFor(B, biasGrad);
        weightNoiseParams.clear();
        output = preActivation = columns = null;
        return new Pair<>(gradient, inputGrad);
    }

    /** The gradient before the activation function. */
    private INDArray delta(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        IActivation activation = layerConf().getActivationFn();
        if (activation instanceof ActivationIdentity) return epsilon;
        if (NativeOps.isRelu(activation)) {
            INDArray delta = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, output.shape(), 'c');
            direct.reluBackward(output, epsilon, delta);
            return delta;
        }
        return activation.backprop(preActivation, epsilon.dup()).getFirst();
    }

    /**
     * The first layer of a network with one input channel: no layer below needs its input gradient, and its
     * patches (plus a row of ones for the bias) form a [kH*kW + 1, batch*outH*outW] matrix that serves both the
     * forward pass and the parameter gradients.
     */
    private boolean firstLayer(INDArray weights) {
        return index == 0 && weights.size(1) == 1;
    }

    private INDArray patches(INDArray x, Geometry g, int outH, int outW, ArrayType type, LayerWorkspaceMgr workspaces) {
        long batch = x.size(0);
        INDArray cols = workspaces.createUninitialized(
                type, dataType, new long[] {(long) g.kH() * g.kW() + 1, batch * outH * outW}, 'c');
        patchMaker.fill(x.reshape('c', batch, x.size(1), x.size(2)), g, outH, outW, true, cols);
        return cols;
    }

    private Geometry geometry() {
        return Geometry.of(layerConf());
    }

    /** The input as NHWC; NCHW input (as a user may pass to the first layer) is converted. */
    private INDArray channelsLast(INDArray in, long channels) {
        if (in.size(3) == channels) return in;
        if (in.size(1) == channels) {
            return channels == 1
                    ? in.reshape('c', in.size(0), in.size(2), in.size(3), 1)
                    : in.permute(0, 2, 3, 1).dup('c');
        }
        throw new DL4JInvalidInputException("Layer " + index + " expects images with " + channels
                + " channel(s), NHWC [batch, height, width, " + channels + "] (or NCHW [batch, " + channels
                + ", height, width]), but got shape " + java.util.Arrays.toString(in.shape()) + ". " + layerId());
    }

    /** How many input shapes this layer has oneDNN primitives for (0 when it runs on libnd4j's path). */
    int directShapesBuilt() {
        return direct.shapesBuilt();
    }

    /** oneDNN reads and writes arrays in place: C order without gaps. */
    /** The input gradient in the layout the input came in (the inverse of {@link #channelsLast}). */
    private INDArray inInputLayout(INDArray nhwcGrad) {
        if (java.util.Arrays.equals(input.shape(), nhwcGrad.shape())) return nhwcGrad;
        return nhwcGrad.size(3) == 1 ? nhwcGrad.reshape(input.shape()) : nhwcGrad.permute(0, 3, 1, 2);
    }
}
